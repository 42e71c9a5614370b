package dev.storybot.search;

import dev.storybot.search.Tokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the sentence of a paragraph that best answers a question, as a verbatim quote of at most
 * {@link #MAX_QUOTE_CHARS} characters, with the question's words in it marked for emphasis.
 *
 * <p>A sentence scores by the share of the question's weight it covers (rare words and names weigh most) plus a
 * little for density, so that a short sentence full of the question's words beats a long one that mentions them
 * in passing. A sentence that leans on the one before ("He said …", "But …") is quoted together with it when both
 * fit, by {@link StandAlone}'s rule ({@link StandAlone#leadIn}), which the answer path applies again when it shows
 * the quote.
 */
public final class SentencePicker {

  /** The longest quote. */
  public static final int MAX_QUOTE_CHARS = 400;
  /** A quote grows by the following sentence only while it stays this short (a glance, not a paragraph). */
  static final int QUOTE_BUDGET = 300;
  /** How much density (matched words per word) adds to coverage. */
  static final double DENSITY_WEIGHT = 0.15;
  /** What offering the expected kind of answer (a name for "who", a date for "when") adds. */
  static final double TYPE_WEIGHT = 0.2;

  /** Weight of the question's meaning (cosine of its vector to the answering sentence's) against its words. */
  static final double MEANING_WEIGHT = 5.0;
  /** With meaning, a quote grows by the following sentence while both stay this short (tuned: docs/QUALITY.md). */
  static final int MEANING_QUOTE_BUDGET = 350;

  /**
   * The chosen quote of a paragraph.
   *
   * @param quote where the quote is in the paragraph
   * @param score the sentence's score: by words, coverage plus density (and the kind of answer); by meaning too,
   *     coverage of the quote, the kind of answer and {@link #MEANING_WEIGHT} × its cosine; higher is better
   * @param coverage share (0..1) of the question's weight that the answering sentence's words cover (the sentence
   *     added after it for context does not count: chance matches there must not make a weak answer look sure)
   * @param emphasis the question's words in the quote, in paragraph coordinates, in order
   * @param evidence what the score was made of, for the confidence; null when picked by words alone
   */
  public record Pick(TextRange quote, double score, double coverage, List<TextRange> emphasis, Evidence evidence) {
    /** A pick by words alone. */
    public Pick(TextRange quote, double score, double coverage, List<TextRange> emphasis) {
      this(quote, score, coverage, emphasis, null);
    }
  }

  /**
   * The evidence of a pick made with meaning.
   *
   * @param coverage share of the question's weight covered by the quoted sentence(s)
   * @param typeOffered the quoted sentence offers the kind of answer the question asks for
   * @param cosine the quoted sentences' best cosine to the question
   * @param sentenceCosine the answering sentence's own cosine to the question
   */
  public record Evidence(double coverage, boolean typeOffered, double cosine, double sentenceCosine) {}

  private final Tokens tokens = new Tokens();

  /** The best quote of {@code paragraph} for {@code question}, its words weighted by {@code hits}' weights. */
  public Pick pick(String paragraph, AnalyzedQuestion question, PassageHits hits) {
    Set<String> stems = question.stems();
    double total = stems.stream().mapToDouble(hits::weight).sum();
    List<Token> words = tokens.of(paragraph);
    List<TextRange> sentences = Sentences.split(paragraph);
    if (sentences.isEmpty()) sentences = List.of(new TextRange(0, paragraph.length()));
    int best = 0;
    double bestScore = -1;
    for (int i = 0; i < sentences.size(); i++) {
      TextRange s = sentences.get(i);
      double score = score(within(words, s), stems, hits, total)
          + (question.expects().offeredBy(s.of(paragraph), question) ? TYPE_WEIGHT : 0);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    TextRange answering = StandAlone.leadIn(paragraph, sentences, sentences.get(best), MAX_QUOTE_CHARS);
    TextRange quote = withFollowing(sentences, best, answering, QUOTE_BUDGET);
    if (quote.length() > MAX_QUOTE_CHARS) quote = window(paragraph, quote, within(words, quote), stems, hits);
    List<Token> quoted = within(words, quote);
    double score = score(quoted, stems, hits, total)
        + (question.expects().offeredBy(quote.of(paragraph), question) ? TYPE_WEIGHT : 0);
    List<Token> covering = answering.length() <= MAX_QUOTE_CHARS ? within(words, answering) : quoted;
    return new Pick(quote, score, coverage(covering, stems, hits, total),
        emphasis(quoted, stems));
  }

  /**
   * The best quote of {@code paragraph} by its words and meaning together: each sentence (with the one after it when
   * both fit {@link #QUOTE_BUDGET}) scores by the share of the question's weight it covers, whether it offers the
   * kind of answer asked for, and {@link #MEANING_WEIGHT} × its cosine to the question ({@code sentenceVectors}, one
   * per {@link SentenceVectors#units sentence}). Falls back to {@link #pick(String, AnalyzedQuestion, PassageHits)}
   * when there are no vectors to compare.
   */
  public Pick pick(String paragraph, AnalyzedQuestion question, PassageHits hits, float[][] sentenceVectors) {
    List<TextRange> sentences = SentenceVectors.units(paragraph);
    if (question.meaning() == null || sentenceVectors == null || sentenceVectors.length != sentences.size()) {
      return pick(paragraph, question, hits);
    }
    Set<String> stems = question.stems();
    double total = stems.stream().mapToDouble(hits::weight).sum();
    List<Token> words = tokens.of(paragraph);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    Evidence bestEvidence = null;
    for (int i = 0; i < sentences.size(); i++) {
      boolean pair = i + 1 < sentences.size()
          && sentences.get(i + 1).end() - sentences.get(i).start() <= MEANING_QUOTE_BUDGET;
      TextRange quoted = pair ? new TextRange(sentences.get(i).start(), sentences.get(i + 1).end()) : sentences.get(i);
      double own = cosine(question.meaning(), sentenceVectors[i]);
      double cosine = pair ? Math.max(own, cosine(question.meaning(), sentenceVectors[i + 1])) : own;
      Evidence e = new Evidence(coverage(within(words, quoted), stems, hits, total),
          question.expects().offeredBy(sentences.get(i).of(paragraph), question), cosine, own);
      double score = e.coverage() + (e.typeOffered() ? TYPE_WEIGHT : 0) + MEANING_WEIGHT * e.cosine();
      if (score > bestScore) {
        bestScore = score;
        best = i;
        bestEvidence = e;
      }
    }
    TextRange answering = StandAlone.leadIn(paragraph, sentences, sentences.get(best), MAX_QUOTE_CHARS);
    TextRange quote = withFollowing(sentences, best, answering, MEANING_QUOTE_BUDGET);
    if (quote.length() > MAX_QUOTE_CHARS) quote = window(paragraph, quote, within(words, quote), stems, hits);
    List<Token> covering = answering.length() <= MAX_QUOTE_CHARS ? within(words, answering) : within(words, quote);
    return new Pick(quote, bestScore, coverage(covering, stems, hits, total), emphasis(within(words, quote), stems),
        bestEvidence);
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int d = 0; d < a.length; d++) dot += a[d] * b[d];
    return dot;
  }

  static double score(List<Token> words, Set<String> stems, PassageHits hits, double total) {
    if (words.isEmpty()) return 0;
    long matched = words.stream().filter(w -> stems.contains(w.stem())).count();
    return coverage(words, stems, hits, total) + DENSITY_WEIGHT * matched / words.size();
  }

  static double coverage(List<Token> words, Set<String> stems, PassageHits hits, double total) {
    if (total <= 0) return 0;
    Set<String> seen = new HashSet<>();
    double covered = 0;
    for (Token w : words) {
      if (stems.contains(w.stem()) && seen.add(w.stem())) covered += hits.credit(w.stem());
    }
    return Math.min(1, covered / total);
  }

  /**
   * The question's words in {@code range} of {@code paragraph}, in paragraph coordinates, in order: the emphasis of a
   * quote the answer path widened beyond the pick (a lead-in, an attribution clause).
   */
  public List<TextRange> emphasis(String paragraph, TextRange range, AnalyzedQuestion question) {
    return emphasis(within(tokens.of(paragraph), range), question.stems());
  }

  private static List<TextRange> emphasis(List<Token> words, Set<String> stems) {
    List<TextRange> out = new ArrayList<>();
    for (Token w : words) if (stems.contains(w.stem())) out.add(w.range());
    return out;
  }

  // Adds the next sentence when both fit the budget: the sentence that matches the question's words often leaves the
  // answer itself (the name, date or number) to the one after it.
  static TextRange withFollowing(List<TextRange> sentences, int i, TextRange quote, int budget) {
    if (i + 1 >= sentences.size()) return quote;
    TextRange both = new TextRange(quote.start(), sentences.get(i + 1).end());
    return both.length() <= budget ? both : quote;
  }

  // The stretch of at most MAX_QUOTE_CHARS covering the most question weight, cut at word boundaries.
  private static TextRange window(String text, TextRange range, List<Token> words, Set<String> stems,
                                  PassageHits hits) {
    if (words.isEmpty()) return new TextRange(range.start(), range.start() + MAX_QUOTE_CHARS);
    int bestStart = range.start();
    double bestWeight = -1;
    for (Token first : words) {
      int limit = first.range().start() + MAX_QUOTE_CHARS;
      if (first != words.get(0) && !stems.contains(first.stem())) continue;
      double weight = 0;
      for (Token w : words) {
        if (w.range().start() >= first.range().start() && w.range().end() <= limit && stems.contains(w.stem())) {
          weight += hits.weight(w.stem());
        }
      }
      if (weight > bestWeight) {
        bestWeight = weight;
        bestStart = first == words.get(0) ? range.start() : first.range().start();
      }
    }
    int end = Math.min(range.end(), bestStart + MAX_QUOTE_CHARS);
    if (end < range.end()) {
      int space = text.lastIndexOf(' ', end);
      if (space > bestStart) end = space;
    }
    while (end > bestStart && Character.isWhitespace(text.charAt(end - 1))) end--;
    return new TextRange(bestStart, end);
  }

  private static List<Token> within(List<Token> words, TextRange r) {
    List<Token> out = new ArrayList<>();
    for (Token w : words) if (w.range().start() >= r.start() && w.range().end() <= r.end()) out.add(w);
    return out;
  }
}
