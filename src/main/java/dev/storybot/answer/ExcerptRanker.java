package dev.storybot.answer;

import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.Passage;
import dev.storybot.search.PassageHits;
import dev.storybot.search.SentencePicker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the paragraphs found for a question into ranked excerpts: the best sentence of each as a quote, ranked by how
 * well the sentence covers the question and how well its paragraph matched. Thread-safe.
 */
final class ExcerptRanker {

  /** Paragraphs examined per question, beyond the excerpts asked for. */
  static final int PARAGRAPHS = 12;
  /** Below this confidence (share of the question's weight the first quote covers) the answer is "not found". */
  static final double DEFAULT_THRESHOLD = 0.3;
  /** How much the paragraph's retrieval score (relative to the best) counts against the sentence's own score. */
  static final double PARAGRAPH_WEIGHT = 0.5;

  /**
   * The excerpts of one question, best first, as ranked: {@link Quoting} makes each one a reader is shown.
   *
   * @param ranked every quotable paragraph with its pick, best first
   * @param confidence the share of the question's weight the first quote covers (0 when there is none)
   */
  record Ranking(List<Ranked> ranked, double confidence) {}

  /**
   * One paragraph's place in a ranking.
   *
   * @param passage the paragraph found
   * @param pick its answering sentence(s), as {@link SentencePicker} chose them
   * @param score the excerpt's score, rounded as shown (sentence score plus the paragraph's relative retrieval score)
   */
  record Ranked(Passage passage, SentencePicker.Pick pick, double score) {}

  private final SentencePicker picker = new SentencePicker();
  private final double threshold;

  ExcerptRanker(double threshold) {
    if (threshold < 0 || threshold > 1) throw new IllegalArgumentException("threshold must be in 0..1, was " + threshold);
    this.threshold = threshold;
  }

  /** True when {@code ranking}'s first excerpt answers confidently enough to be shown. */
  boolean confident(Ranking ranking) {
    return !ranking.ranked().isEmpty() && ranking.confidence() >= threshold;
  }

  Ranking rank(AnalyzedQuestion question, PassageHits hits) {
    List<Ranked> ranked = new ArrayList<>();
    double top = hits.passages().isEmpty() ? 1 : Math.max(1e-9, hits.passages().get(0).score());
    for (Passage p : hits.passages()) {
      SentencePicker.Pick pick = picker.pick(p.text(), question, hits);
      if (pick.coverage() <= 0) continue; // matched only through the headline: nothing to quote
      double score = pick.score() + PARAGRAPH_WEIGHT * p.score() / top;
      ranked.add(new Ranked(p, pick, Math.round(score * 1000) / 1000.0));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
    // Confidence: the share of the question's weight the first quote covers; missing rare words lower it most.
    double confidence = ranked.isEmpty() ? 0 : ranked.get(0).pick().coverage();
    return new Ranking(ranked, confidence);
  }
}
