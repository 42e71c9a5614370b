package dev.storybot.answer;

import dev.storybot.index.StoryIndex;
import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.LucenePassageSearch;
import dev.storybot.search.Passage;
import dev.storybot.search.PassageHits;
import dev.storybot.search.PassageSearch;
import dev.storybot.search.QuestionAnalyzer;
import dev.storybot.search.Scope;
import dev.storybot.search.SentencePicker;
import dev.storybot.search.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers from the paragraph index: the best paragraphs, the best sentence of each as a quote, ranked by how well
 * the sentence covers the question and how well its paragraph matched; "not found" below a confidence threshold.
 * Thread-safe.
 */
public final class LuceneAnswerer implements Answerer {

  /** Paragraphs examined per question, beyond the excerpts asked for. */
  static final int PARAGRAPHS = 12;
  /** Below this confidence (share of the question's weight the first quote covers) the answer is "not found". */
  public static final double DEFAULT_THRESHOLD = 0.3;
  /** How much the paragraph's retrieval score (relative to the best) counts against the sentence's own score. */
  static final double PARAGRAPH_WEIGHT = 0.5;
  /** Headlines offered when not found. */
  static final int NEAREST = 3;

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
  private final PassageSearch search;
  private final SentencePicker picker;
  private final double threshold;

  /** The standard answerer over {@code index}. */
  public LuceneAnswerer(StoryIndex index) {
    this(new LucenePassageSearch(index), new SentencePicker(), DEFAULT_THRESHOLD);
  }

  public LuceneAnswerer(PassageSearch search, SentencePicker picker, double threshold) {
    if (threshold < 0 || threshold > 1) throw new IllegalArgumentException("threshold must be in 0..1, was " + threshold);
    this.search = search;
    this.picker = picker;
    this.threshold = threshold;
  }

  @Override
  public Answer answer(String question, int offset, int limit) {
    return answer(question, Scope.ALL, offset, limit);
  }

  @Override
  public Answer answer(String question, Scope scope, int offset, int limit) {
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative, was " + offset);
    if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    AnalyzedQuestion q = analyzer.analyze(question);
    if (q.isEmpty()) return Answer.notFound(question, List.of(), 0);
    q = search.corrected(q);
    PassageHits hits = search.search(q, scope, Math.max(PARAGRAPHS, offset + limit + 1));
    List<Scored> ranked = rank(q, hits);
    // Confidence: the share of the question's weight the first quote covers; missing rare words lower it most.
    double confidence = ranked.isEmpty() ? 0 : ranked.get(0).coverage();
    if (ranked.isEmpty() || confidence < threshold) {
      return Answer.notFound(question, search.nearestTitles(q, scope, NEAREST), confidence);
    }
    int from = Math.min(offset, ranked.size());
    int to = Math.min(ranked.size(), offset + limit);
    List<Excerpt> page = ranked.subList(from, to).stream().map(Scored::excerpt).toList();
    return new Answer(question, true, page, List.of(), confidence, ranked.size() > to);
  }

  private List<Scored> rank(AnalyzedQuestion q, PassageHits hits) {
    List<Scored> scored = new ArrayList<>();
    double top = hits.passages().isEmpty() ? 1 : Math.max(1e-9, hits.passages().get(0).score());
    for (Passage p : hits.passages()) {
      SentencePicker.Pick pick = picker.pick(p.text(), q, hits);
      if (pick.coverage() <= 0) continue; // matched only through the headline: nothing to quote
      double score = pick.score() + PARAGRAPH_WEIGHT * p.score() / top;
      scored.add(new Scored(excerpt(p, pick, score), pick.coverage()));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    return scored;
  }

  private static Excerpt excerpt(Passage p, SentencePicker.Pick pick, double score) {
    TextRange quote = pick.quote();
    List<Excerpt.Span> spans = pick.emphasis().stream()
        .map(r -> r.shiftLeft(quote.start()))
        .map(r -> new Excerpt.Span(r.start(), r.end()))
        .toList();
    return new Excerpt(p.storyId(), p.title(), p.source(), p.byline(), p.published(), p.url(), p.paragraph(),
        quote.of(p.text()), Math.round(score * 1000) / 1000.0, spans);
  }

  private record Scored(Excerpt excerpt, double coverage) {
    double score() {
      return excerpt.score();
    }
  }
}
