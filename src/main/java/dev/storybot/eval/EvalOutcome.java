package dev.storybot.eval;

/**
 * What happened to one question in an evaluation run.
 *
 * @param question the question with its gold answers
 * @param inCorpus false when the question's story was not indexed in this run (so the bot must decline it)
 * @param answered true when the bot answered with at least one excerpt
 * @param hitRank 1-based rank of the first excerpt whose quote contains a gold answer, 0 when none does
 * @param firstQuote the first excerpt's quote, or null when not answered
 * @param confidence the answer's confidence
 * @param shown how many excerpts the answer showed (at most three)
 * @param shownHolding how many of those hold a gold answer
 */
public record EvalOutcome(EvalQuestion question, boolean inCorpus, boolean answered, int hitRank, String firstQuote,
                          double confidence, int shown, int shownHolding) {

  /** An outcome without the count of excerpts shown (taken as the first alone). */
  public EvalOutcome(EvalQuestion question, boolean inCorpus, boolean answered, int hitRank, String firstQuote,
      double confidence) {
    this(question, inCorpus, answered, hitRank, firstQuote, confidence, answered ? 1 : 0, hitRank == 1 ? 1 : 0);
  }

  /** True for questions the indexed stories answer: the ones quote_hit@k and false_abstain are measured on. */
  public boolean answerable() {
    return inCorpus && question.answerable();
  }

  /** True when a quote among the first {@code k} excerpts contains a gold answer. */
  public boolean hitWithin(int k) {
    return hitRank > 0 && hitRank <= k;
  }
}
