package dev.storybot.answer;

/**
 * How sure the answer path is, when it reads meaning as well as words: two logistic models fitted on the public
 * tuning pool (scripts/tune, docs/QUALITY.md), never on particular questions.
 *
 * <ul>
 *   <li>{@link #answers}: does the shelf answer the question at all? From the first excerpt's own evidence — the share
 *       of the question's weight its sentences cover, the kind of answer, their cosine to the question, how well its
 *       paragraph matched by words, the coverage of its whole paragraph and of the question's names there (headline
 *       included), the cosines of its paragraph and headline — and the best single sentence's cosine among all
 *       excerpts. Every feature is absolute or within the question, so the same threshold holds on a shelf of one
 *       story and of thousands. Fitted on answerable questions (1) — over the whole pool and over each one's story
 *       alone — against off-shelf ones (0); the threshold (0.5) declines 3% of those answerable questions and 74% of the off-shelf ones: the
 *       trade-off curve is in docs/QUALITY.md.</li>
 *   <li>{@link #excerpt}: does this excerpt hold an answer? From its own evidence and its place in the ranking.
 *       Fitted on the first five excerpts of every pool question (answer present: 1); an excerpt after the first is
 *       shown only from {@link #SHOW_MORE} on.</li>
 * </ul>
 */
final class Confidence {

  /** Below this, "not in our stories". */
  static final double ANSWERS = 0.50;
  /** An excerpt after the first is shown when it is at least this likely to hold an answer. */
  static final double SHOW_MORE = 0.1;

  private Confidence() {}

  /**
   * The first excerpt's evidence that the shelf answers the question.
   *
   * @param coverage share of the question's weight its quoted sentence(s) cover
   * @param typeOffered it offers the kind of answer asked for
   * @param cosine the best cosine of its quoted sentences to the question
   * @param lexical its paragraph's BM25 score relative to the best paragraph's (0 if found by meaning alone)
   * @param paragraphCoverage share of the question's weight its whole paragraph covers
   * @param nameCoverage share of the weight of the question's names and numbers its headline and paragraph hold
   * @param headlineCosine its story's headline's cosine to the question
   * @param paragraphCosine its paragraph's cosine to the question
   * @param bestSentenceCosine the highest cosine of any excerpt's answering sentence
   */
  record Evidence(double coverage, boolean typeOffered, double cosine, double lexical, double paragraphCoverage,
                  double nameCoverage, double headlineCosine, double paragraphCosine, double bestSentenceCosine) {}

  /** The probability that the shelf answers, from the first excerpt's {@code e}. */
  static double answers(Evidence e) {
    return logistic(-39.512
        + 2.3439 * e.coverage()
        - 0.0536 * (e.typeOffered() ? 1 : 0)
        + 48.420 * e.cosine()
        + 3.8444 * e.lexical()
        + 2.2891 * e.paragraphCoverage()
        + 1.0449 * e.nameCoverage()
        + 12.450 * e.headlineCosine()
        - 13.493 * e.paragraphCosine()
        - 5.3586 * e.bestSentenceCosine());
  }

  /**
   * The probability that an excerpt holds an answer.
   *
   * @param coverage share of the question's weight its quoted sentence(s) cover
   * @param typeOffered it offers the kind of answer asked for
   * @param cosine the best cosine of its quoted sentences to the question
   * @param lexical its paragraph's BM25 score relative to the best paragraph's
   * @param score its ranking score
   * @param gap the first excerpt's score minus its own
   * @param rank its place, 0 for the first
   */
  static double excerpt(double coverage, boolean typeOffered, double cosine, double lexical, double score, double gap,
      int rank) {
    return logistic(-24.573
        + 1.5897 * coverage
        - 0.1803 * (typeOffered ? 1 : 0)
        + 17.093 * cosine
        + 1.8807 * lexical
        + 1.4987 * score
        - 0.3759 * gap
        - 0.5230 * rank);
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
