package dev.storybot.eval;

import java.util.Arrays;
import java.util.List;

/**
 * The figures of one evaluation run (see the shared eval README), as counts; the shares are derived.
 *
 * @param questions every question asked
 * @param answerable in-corpus questions with gold answers
 * @param hitsAt1 answerable questions whose first quote contains a gold answer
 * @param hitsAt3 answerable questions with a gold answer in one of the first three quotes
 * @param falseAbstains answerable questions declined ("not in our stories")
 * @param medianQuoteChars median length of the first quote over the answered answerable questions; NaN when none
 * @param unanswerable in-corpus questions marked impossible (SQuAD 2.0's adversarial ones)
 * @param abstainedUnanswerable unanswerable questions declined
 * @param offCorpus questions about stories not indexed in this run
 * @param declinedOffCorpus off-corpus questions declined
 * @param seconds wall time spent answering
 * @param shownExcerpts excerpts shown (at most three a question) over the answered answerable questions
 * @param shownHolding of those, the ones holding a gold answer
 */
public record EvalReport(int questions, int answerable, int hitsAt1, int hitsAt3, int falseAbstains,
                         double medianQuoteChars, int unanswerable, int abstainedUnanswerable, int offCorpus,
                         int declinedOffCorpus, double seconds, int shownExcerpts, int shownHolding) {

  /** Figures without the count of excerpts shown. */
  public EvalReport(int questions, int answerable, int hitsAt1, int hitsAt3, int falseAbstains,
      double medianQuoteChars, int unanswerable, int abstainedUnanswerable, int offCorpus, int declinedOffCorpus,
      double seconds) {
    this(questions, answerable, hitsAt1, hitsAt3, falseAbstains, medianQuoteChars, unanswerable, abstainedUnanswerable,
        offCorpus, declinedOffCorpus, seconds, 0, 0);
  }

  /** Computes the figures from the outcomes of a run that took {@code seconds}. */
  public static EvalReport of(List<EvalOutcome> outcomes, double seconds) {
    int answerable = 0, hits1 = 0, hits3 = 0, falseAbstains = 0;
    int unanswerable = 0, abstained = 0, offCorpus = 0, declinedOff = 0;
    int[] quoteChars = new int[outcomes.size()];
    int quotes = 0;
    int shown = 0;
    int holding = 0;
    for (EvalOutcome o : outcomes) {
      if (!o.inCorpus()) {
        offCorpus++;
        if (!o.answered()) declinedOff++;
      } else if (o.question().impossible()) {
        unanswerable++;
        if (!o.answered()) abstained++;
      } else {
        answerable++;
        if (o.hitWithin(1)) hits1++;
        if (o.hitWithin(3)) hits3++;
        if (o.answered()) {
          quoteChars[quotes++] = o.firstQuote().length();
          shown += o.shown();
          holding += o.shownHolding();
        } else {
          falseAbstains++;
        }
      }
    }
    return new EvalReport(outcomes.size(), answerable, hits1, hits3, falseAbstains,
        median(Arrays.copyOf(quoteChars, quotes)), unanswerable, abstained, offCorpus, declinedOff, seconds, shown,
        holding);
  }

  /** The middle value (the mean of the two middle values for an even count); NaN for none. */
  static double median(int[] values) {
    if (values.length == 0) return Double.NaN;
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  /** Share of answerable questions hit by the first quote. */
  public double quoteHitAt1() {
    return share(hitsAt1, answerable);
  }

  /** Share of answerable questions hit by one of the first three quotes. */
  public double quoteHitAt3() {
    return share(hitsAt3, answerable);
  }

  /** Excerpts shown per answered answerable question. */
  public double excerptsPerAnswer() {
    return share(shownExcerpts, answerable - falseAbstains);
  }

  /** Share of the excerpts shown (to answerable questions) that hold a gold answer. */
  public double excerptsHoldingAnswer() {
    return share(shownHolding, shownExcerpts);
  }

  /** Share of answerable questions declined. */
  public double falseAbstain() {
    return share(falseAbstains, answerable);
  }

  /** Share of unanswerable (impossible) questions declined. */
  public double abstained() {
    return share(abstainedUnanswerable, unanswerable);
  }

  /** Share of off-corpus questions declined. */
  public double declinedOffCorpusShare() {
    return share(declinedOffCorpus, offCorpus);
  }

  /** Questions answered per second of wall time. */
  public double questionsPerSecond() {
    return seconds > 0 ? questions / seconds : Double.NaN;
  }

  private static double share(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
