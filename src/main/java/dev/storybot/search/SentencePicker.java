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

  /**
   * The chosen quote of a paragraph.
   *
   * @param quote where the quote is in the paragraph
   * @param score coverage plus density; higher is better
   * @param coverage share (0..1) of the question's weight that the answering sentence's words cover (the sentence
   *     added after it for context does not count: chance matches there must not make a weak answer look sure)
   * @param emphasis the question's words in the quote, in paragraph coordinates, in order
   */
  public record Pick(TextRange quote, double score, double coverage, List<TextRange> emphasis) {}

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
    TextRange quote = withFollowing(sentences, best, answering);
    if (quote.length() > MAX_QUOTE_CHARS) quote = window(paragraph, quote, within(words, quote), stems, hits);
    List<Token> quoted = within(words, quote);
    double score = score(quoted, stems, hits, total)
        + (question.expects().offeredBy(quote.of(paragraph), question) ? TYPE_WEIGHT : 0);
    List<Token> covering = answering.length() <= MAX_QUOTE_CHARS ? within(words, answering) : quoted;
    return new Pick(quote, score, coverage(covering, stems, hits, total),
        emphasis(quoted, stems));
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
  static TextRange withFollowing(List<TextRange> sentences, int i, TextRange quote) {
    if (i + 1 >= sentences.size()) return quote;
    TextRange both = new TextRange(quote.start(), sentences.get(i + 1).end());
    return both.length() <= QUOTE_BUDGET ? both : quote;
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
