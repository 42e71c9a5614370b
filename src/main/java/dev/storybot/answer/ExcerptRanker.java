package dev.storybot.answer;

import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.Passage;
import dev.storybot.search.PassageHits;
import dev.storybot.search.SentenceFeatures;
import dev.storybot.search.SentencePicker;
import dev.storybot.search.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the paragraphs found for a question into ranked excerpts — the best sentence(s) of each as a quote — with the
 * confidence that the shelf answers at all and how many excerpts earn a place on the first page. By words alone, a
 * sentence ranks by how well it covers the question and its paragraph matched; with meaning (the question and the
 * paragraphs carry vectors), also by its cosine to the question, and {@link Confidence}'s models decide. Thread-safe.
 */
final class ExcerptRanker {

  /** Paragraphs examined per question by words (and as many again by meaning), beyond the excerpts asked for. */
  static final int PARAGRAPHS = 12;
  /** With meaning: paragraphs examined by words and as many by meaning, for every page of a question alike. */
  static final int MEANING_PARAGRAPHS = 20;
  /** By words alone: below this confidence (share of the question's weight the first quote covers), not found. */
  static final double DEFAULT_THRESHOLD = 0.3;
  /** By words alone: how much the paragraph's relative retrieval score counts against the sentence's own score. */
  static final double PARAGRAPH_WEIGHT = 0.5;
  /** With meaning: how much the paragraph's relative BM25 score counts (tuned: docs/QUALITY.md). */
  static final double MEANING_PARAGRAPH_WEIGHT = 0.25;

  /**
   * The excerpts of one question, best first, as ranked: {@link Quoting} makes each one a reader is shown.
   *
   * @param ranked every quotable paragraph with its pick, best first
   * @param confidence how sure the ranker is that the first excerpt answers (0..1)
   * @param confident true when that is sure enough to answer rather than say "not in our stories"
   * @param firstPage how many leading excerpts earn a place on the first page (by words alone: all)
   */
  record Ranking(List<Ranked> ranked, double confidence, boolean confident, int firstPage) {
    static final Ranking NONE = new Ranking(List.of(), 0, false, 0);
  }

  /**
   * One paragraph's place in a ranking.
   *
   * @param passage the paragraph found
   * @param pick its answering sentence(s), as {@link SentencePicker} chose them
   * @param score the excerpt's score, rounded as shown
   */
  record Ranked(Passage passage, SentencePicker.Pick pick, double score) {}

  private final SentencePicker picker = new SentencePicker();
  private final SentenceFeatures features = new SentenceFeatures();
  private final double threshold;

  ExcerptRanker(double threshold) {
    if (threshold < 0 || threshold > 1) throw new IllegalArgumentException("threshold must be in 0..1, was " + threshold);
    this.threshold = threshold;
  }

  Ranking rank(AnalyzedQuestion question, PassageHits hits) {
    boolean meaning = question.meaning() != null && hits.passages().stream().anyMatch(Passage::hasMeaning);
    return meaning ? byMeaning(question, hits) : byWords(question, hits);
  }

  private Ranking byWords(AnalyzedQuestion question, PassageHits hits) {
    List<Ranked> ranked = new ArrayList<>();
    double top = topScore(hits);
    for (Passage p : hits.passages()) {
      SentencePicker.Pick pick = picker.pick(p.text(), question, hits);
      if (pick.coverage() <= 0) continue; // matched only through the headline: nothing to quote
      ranked.add(new Ranked(p, pick, round(pick.score() + PARAGRAPH_WEIGHT * p.score() / top)));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
    // Confidence: the share of the question's weight the first quote covers; missing rare words lower it most.
    double confidence = ranked.isEmpty() ? 0 : ranked.get(0).pick().coverage();
    boolean confident = !ranked.isEmpty() && confidence >= threshold;
    return new Ranking(ranked, confidence, confident, ranked.size());
  }

  private Ranking byMeaning(AnalyzedQuestion question, PassageHits hits) {
    List<Ranked> ranked = new ArrayList<>();
    double top = topScore(hits);
    for (Passage p : hits.passages()) {
      SentencePicker.Pick pick = picker.pick(p.text(), question, hits, p.sentenceVectors());
      if (pick.evidence() == null && pick.coverage() <= 0) continue;
      ranked.add(new Ranked(p, pick, round(pick.score() + MEANING_PARAGRAPH_WEIGHT * p.score() / top)));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
    if (ranked.isEmpty() || ranked.get(0).pick().evidence() == null) return Ranking.NONE;
    double confidence = Confidence.answers(evidence(question, hits, ranked, top));
    // Each further excerpt earns its place on its own: the first page ends at the first that does not.
    int firstPage = 1;
    double best = ranked.get(0).score();
    while (firstPage < ranked.size()) {
      Ranked r = ranked.get(firstPage);
      SentencePicker.Evidence e = r.pick().evidence();
      if (e == null || Confidence.excerpt(e.coverage(), e.typeOffered(), e.cosine(), r.passage().score() / top,
          r.score(), best - r.score(), firstPage) < Confidence.SHOW_MORE) {
        break;
      }
      firstPage++;
    }
    return new Ranking(ranked, confidence, confidence >= Confidence.ANSWERS, firstPage);
  }

  // The first excerpt's evidence for Confidence.answers.
  private Confidence.Evidence evidence(AnalyzedQuestion question, PassageHits hits, List<Ranked> ranked, double top) {
    Ranked first = ranked.get(0);
    SentencePicker.Evidence e = first.pick().evidence();
    String text = first.passage().text();
    String withHeadline = first.passage().attribution().title() + "\n" + text;
    double paragraphCoverage = features.of(text, List.of(new TextRange(0, text.length())), question, hits).get(0).coverage();
    double bestSentence = ranked.stream().map(r -> r.pick().evidence()).filter(x -> x != null)
        .mapToDouble(SentencePicker.Evidence::sentenceCosine).max().orElse(e.sentenceCosine());
    return new Confidence.Evidence(e.coverage(), e.typeOffered(), e.cosine(), first.passage().score() / top,
        paragraphCoverage, features.specificCoverage(withHeadline, question, hits), first.passage().headlineMeaning(),
        first.passage().meaning(), bestSentence);
  }

  private static double topScore(PassageHits hits) {
    double top = 0;
    for (Passage p : hits.passages()) top = Math.max(top, p.score());
    return Math.max(1e-9, top);
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
