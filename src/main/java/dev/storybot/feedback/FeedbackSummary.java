package dev.storybot.feedback;

import dev.storybot.answer.QuestionFilters;
import dev.storybot.eval.EvalQuestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the clicks say: counts by verdict, the questions with most 👎, and the 👍-confirmed answers as eval questions.
 *
 * @param up clicks on 👍
 * @param down clicks on 👎
 * @param mostDownvoted questions with at least one 👎, most first (ties: first asked first)
 */
public record FeedbackSummary(int up, int down, List<Votes> mostDownvoted) {

  /**
   * The clicks on one question.
   *
   * @param question as first typed
   * @param up 👍 clicks
   * @param down 👎 clicks
   */
  public record Votes(String question, int up, int down) {}

  public FeedbackSummary {
    mostDownvoted = List.copyOf(mostDownvoted);
  }

  /** Summarises {@code clicks}, listing at most {@code top} downvoted questions. */
  public static FeedbackSummary of(List<Feedback> clicks, int top) {
    Map<String, int[]> votes = new LinkedHashMap<>();
    Map<String, String> asTyped = new LinkedHashMap<>();
    int up = 0;
    for (Feedback f : clicks) {
      String key = key(f.question());
      asTyped.putIfAbsent(key, f.question());
      int[] v = votes.computeIfAbsent(key, k -> new int[2]);
      if (Feedback.UP.equals(f.verdict())) {
        v[0]++;
        up++;
      } else {
        v[1]++;
      }
    }
    List<Votes> down = new ArrayList<>();
    votes.forEach((k, v) -> {
      if (v[1] > 0) down.add(new Votes(asTyped.get(k), v[0], v[1]));
    });
    down.sort(Comparator.comparingInt(Votes::down).reversed());  // stable: ties keep first-asked order
    return new FeedbackSummary(up, clicks.size() - up, down.subList(0, Math.min(top, down.size())));
  }

  /**
   * Eval questions from 👍 clicks: the question without its filters, the story and paragraph of the first excerpt
   * shown, and that excerpt's quote as the gold answer. Follow-ups (which need their thread) and clicks that
   * carried no quote are left out; repeats of a question are merged.
   */
  public static List<EvalQuestion> evalQuestions(List<Feedback> clicks) {
    Map<String, EvalQuestion> out = new LinkedHashMap<>();
    for (Feedback f : clicks) {
      if (!Feedback.UP.equals(f.verdict()) || f.context() != null || f.excerpts().isEmpty()) continue;
      Feedback.Shown first = f.excerpts().get(0);
      if (first.quote() == null || first.quote().isBlank()) continue;
      String question;
      try {
        question = QuestionFilters.parse(f.question()).question();
      } catch (IllegalArgumentException e) {
        continue;  // a filter the bot already refused: nothing was shown
      }
      if (question.isBlank()) continue;
      EvalQuestion seen = out.get(key(question));
      Set<String> answers = new LinkedHashSet<>(seen == null ? List.of() : seen.answers());
      answers.add(first.quote());
      EvalQuestion q = seen != null ? seen
          : new EvalQuestion(first.story(), first.paragraph() - 1, question, List.of(first.quote()), false);
      out.put(key(question), new EvalQuestion(q.story(), q.paragraph(), q.question(), List.copyOf(answers), false));
    }
    return List.copyOf(out.values());
  }

  private static String key(String question) {
    return question.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
