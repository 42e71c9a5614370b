package dev.storybot.eval;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.Excerpt;
import dev.storybot.answer.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs one {@link Answerer} over a list of questions and scores each answer by the README's hit rule. */
public final class Evaluator {
  /** quote_hit@3 looks at this many excerpts. */
  static final int EXCERPTS = 3;

  private final Answerer answerer;
  private final Set<String> indexedStories;

  /**
   * @param answerer the answering path under test (the same one `ask` and Slack use)
   * @param indexedStories ids of the stories the answerer knows; a question about any other story must be declined
   */
  public Evaluator(Answerer answerer, Set<String> indexedStories) {
    this.answerer = answerer;
    this.indexedStories = Set.copyOf(indexedStories);
  }

  /** Asks every question once, in order, and returns the per-question outcomes with the figures. */
  public EvalRun run(List<EvalQuestion> questions) {
    List<EvalOutcome> outcomes = new ArrayList<>(questions.size());
    long start = System.nanoTime();
    for (EvalQuestion q : questions) {
      outcomes.add(score(q, answerer.answer(Question.of(q.question()).withLimit(EXCERPTS))));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new EvalRun(outcomes, EvalReport.of(outcomes, seconds));
  }

  EvalOutcome score(EvalQuestion q, Answer answer) {
    boolean inCorpus = indexedStories.contains(q.story());
    List<Excerpt> excerpts = answer.answered() ? answer.excerpts() : List.of();
    int hitRank = 0;
    int shown = Math.min(EXCERPTS, excerpts.size());
    int holding = 0;
    if (q.answerable()) {
      for (int i = 0; i < shown; i++) {
        if (!QuoteMatch.hits(excerpts.get(i).quote(), q.answers())) continue;
        holding++;
        if (hitRank == 0) hitRank = i + 1;
      }
    }
    String first = excerpts.isEmpty() ? null : excerpts.get(0).quote();
    return new EvalOutcome(q, inCorpus, !excerpts.isEmpty(), hitRank, first, answer.confidence(), shown, holding);
  }

  /** The outcome of every question, in input order, and the figures over them. */
  public record EvalRun(List<EvalOutcome> outcomes, EvalReport report) {
    public EvalRun {
      outcomes = List.copyOf(outcomes);
    }
  }
}
