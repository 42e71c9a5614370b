package dev.storybot.search;

import dev.storybot.search.Tokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lexical evidence of each sentence of a paragraph for a question: how much of the question's weight it covers
 * (alone, and with the sentence after it), how dense the question's words are in it, and whether it offers the kind
 * of answer the question asks for.
 */
public final class SentenceFeatures {

  /**
   * One sentence's lexical evidence.
   *
   * @param coverage share (0..1) of the question's weight its words cover
   * @param coverageWithNext the same over it and the sentence after it
   * @param density matched words per word
   * @param typeOffered it holds the expected kind of answer (a name for "who", a date for "when"…)
   * @param typeCount how many such answers it holds (at most 3)
   */
  public record Row(double coverage, double coverageWithNext, double density, boolean typeOffered, int typeCount) {}

  private final Tokens tokens = new Tokens();

  /** The rows of {@code sentences} (ranges of {@code paragraph}), in order. */
  public List<Row> of(String paragraph, List<TextRange> sentences, AnalyzedQuestion question, PassageHits hits) {
    Set<String> stems = question.stems();
    double total = stems.stream().mapToDouble(hits::weight).sum();
    List<Token> words = tokens.of(paragraph);
    List<Row> rows = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      TextRange s = sentences.get(i);
      List<Token> in = within(words, s);
      TextRange pair = i + 1 < sentences.size() ? new TextRange(s.start(), sentences.get(i + 1).end()) : s;
      long matched = in.stream().filter(w -> stems.contains(w.stem())).count();
      rows.add(new Row(SentencePicker.coverage(in, stems, hits, total),
          SentencePicker.coverage(within(words, pair), stems, hits, total),
          in.isEmpty() ? 0 : (double) matched / in.size(),
          question.expects().offeredBy(s.of(paragraph), question),
          question.expects().countOffered(s.of(paragraph), question, 3)));
    }
    return rows;
  }

  /**
   * The share (0..1) of the weight of the question's names and numbers that {@code text} holds; 1 when the question
   * has none. A question about a story not on the shelf usually names someone or something no paragraph does.
   */
  public double specificCoverage(String text, AnalyzedQuestion question, PassageHits hits) {
    Set<String> specific = new java.util.HashSet<>();
    for (QueryTerm t : question.terms()) if (t.specific()) specific.add(t.stem());
    if (specific.isEmpty()) return 1;
    double total = specific.stream().mapToDouble(hits::weight).sum();
    if (total <= 0) return 1;
    return SentencePicker.coverage(tokens.of(text), specific, hits, total);
  }

  static List<Token> within(List<Token> words, TextRange r) {
    List<Token> out = new ArrayList<>();
    for (Token w : words) if (w.range().start() >= r.start() && w.range().end() <= r.end()) out.add(w);
    return out;
  }
}
