package dev.storybot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.Excerpt;
import dev.storybot.answer.Question;
import dev.storybot.story.Attribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  /** Answers each question with the given quotes, best first; no quotes means "not in our stories". */
  private record Scripted(Map<String, List<String>> quotes, List<Integer> limitsAsked) implements Answerer {
    @Override
    public Answer answer(Question asked) {
      String question = asked.text();
      limitsAsked.add(asked.limit());
      List<String> qs = quotes.getOrDefault(question, List.of());
      if (qs.isEmpty()) return Answer.notFound(question, List.of("Some headline"), 0.1, null);
      List<Excerpt> excerpts = qs.stream()
          .map(q -> new Excerpt("story", Attribution.NONE.withTitle("Headline"), 1, q, 1.0, List.of()))
          .toList();
      return Answer.found(question, excerpts, 0.8, false, null);
    }
  }

  private static EvalQuestion q(String story, String question, String... answers) {
    return new EvalQuestion(story, 0, question, List.of(answers), answers.length == 0);
  }

  @Test
  void scoresHitsByRankAbstentionsAndOffCorpusQuestions() {
    Scripted answerer = new Scripted(Map.of(
        "first?", List.of("It happened in 1066.", "Other."),
        "second?", List.of("Nothing here.", "The duke of \u201CNormandy\u201D ruled.", "More."),
        "fourth?", List.of("a", "b", "c", "the answer"),
        "impossible answered?", List.of("A plausible sentence."),
        "elsewhere answered?", List.of("Something.")), new ArrayList<>());
    List<EvalQuestion> questions = List.of(
        q("normans", "first?", "1066"),
        q("normans", "second?", "duke of \"Normandy\""),
        q("normans", "declined?", "x"),
        q("normans", "fourth?", "the answer"),
        q("normans", "impossible declined?"),
        q("normans", "impossible answered?"),
        q("sky", "elsewhere declined?", "x"),
        q("sky", "elsewhere answered?", "x"));

    Evaluator.EvalRun run = new Evaluator(answerer, Set.of("normans")).run(questions);
    EvalReport r = run.report();

    assertEquals(List.of(1, 2, 0, 0), run.outcomes().subList(0, 4).stream().map(EvalOutcome::hitRank).toList(),
        "a hit beyond the third excerpt does not count");
    assertEquals(4, r.answerable());
    assertEquals(1, r.hitsAt1());
    assertEquals(2, r.hitsAt3());
    assertEquals(1, r.falseAbstains());
    assertEquals(1, r.abstainedUnanswerable());
    assertEquals(2, r.offCorpus());
    assertEquals(1, r.declinedOffCorpus());
    assertEquals(Set.of(Evaluator.EXCERPTS), Set.copyOf(answerer.limitsAsked()));
    assertEquals(8, answerer.limitsAsked().size(), "each question asked exactly once");
  }

  @Test
  void outcomeKeepsFirstQuoteAndConfidence() {
    Scripted answerer = new Scripted(Map.of("q?", List.of("The first quote.", "Second.")), new ArrayList<>());
    Evaluator evaluator = new Evaluator(answerer, Set.of("s"));

    EvalOutcome answered = evaluator.run(List.of(q("s", "q?", "nope"))).outcomes().get(0);
    EvalOutcome declined = evaluator.run(List.of(q("s", "other?", "nope"))).outcomes().get(0);

    assertTrue(answered.answered());
    assertEquals("The first quote.", answered.firstQuote());
    assertEquals(0.8, answered.confidence());
    assertFalse(declined.answered());
    assertNull(declined.firstQuote());
    assertEquals(0.1, declined.confidence());
  }
}
