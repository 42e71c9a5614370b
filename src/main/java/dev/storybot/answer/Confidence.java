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
 *       story and of thousands. Fitted on answerable (1) against off-shelf (0) questions; the threshold is where 7%
 *       of the pool's answerable questions fall below.</li>
 *   <li>{@link #excerpt}: does this excerpt hold an answer? From its own evidence and its place in the ranking.
 *       Fitted on the first five excerpts of every pool question (answer present: 1); an excerpt after the first is
 *       shown only from {@link #SHOW_MORE} on.</li>
 * </ul>
 */
final class Confidence {

  /** Below this, "not in our stories". */
  static final double ANSWERS = 0.600;
  /** An excerpt after the first is shown when it is at least this likely to hold an answer. */
  static final double SHOW_MORE = 0.2;

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
    return logistic(-33.138
        + 3.0640 * e.coverage()
        + 0.0470 * (e.typeOffered() ? 1 : 0)
        + 46.738 * e.cosine()
        + 3.0598 * e.lexical()
        + 2.4388 * e.paragraphCoverage()
        + 1.0231 * e.nameCoverage()
        + 13.954 * e.headlineCosine()
        - 18.313 * e.paragraphCosine()
        - 8.0298 * e.bestSentenceCosine());
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
    return logistic(-24.577
        + 1.5883 * coverage
        - 0.1813 * (typeOffered ? 1 : 0)
        + 17.102 * cosine
        + 1.8847 * lexical
        + 1.4971 * score
        - 0.3774 * gap
        - 0.5170 * rank);
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
