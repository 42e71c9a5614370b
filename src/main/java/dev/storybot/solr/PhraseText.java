package dev.storybot.solr;

import dev.storybot.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;

/**
 * The text of a quoted phrase that Solr's standard parser turns into a given {@link PhraseQuery}. Solr has no phrase
 * syntax that takes terms as they are: it analyses the quoted text with the field's analyzer (the same chain as
 * {@link IndexSchema#analyzer()}, tested token for token). So each term is spelt as a word that analyses to exactly
 * that term (usually the term itself, but a Porter stem is not always its own stem: "agre" stems to "agr", while
 * "agree" gives "agre"), and a gap between positions is a stop word, which the analyzer drops keeping the position.
 * The whole text is analysed here before it is sent, so a phrase that cannot be spelt is known, never guessed at.
 */
final class PhraseText {

  /** Endings tried after the term itself, to undo what the stemmer does to a stem. */
  private static final List<String> ENDINGS = List.of("", "e", "s", "es", "ed", "ing", "ly", "y", "er", "ation");
  /** A stop word of the configset's list: the analyzer drops it and leaves its position empty. */
  private static final String GAP = "the";

  private PhraseText() {}

  /** The quoted text (without quotes or escaping) whose analysis gives {@code phrase}'s terms and positions. */
  static Optional<String> of(PhraseQuery phrase) {
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    if (terms.length == 0) return Optional.empty();
    String field = phrase.getField();
    try (Analyzer analyzer = IndexSchema.analyzer()) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < terms.length; i++) {
        if (i > 0) {
          int gap = positions[i] - positions[i - 1] - 1;
          if (gap < 0) return Optional.empty();  // stacked terms: a MultiPhraseQuery in Solr, not a PhraseQuery
          for (int g = 0; g < gap; g++) words.add(GAP);
        }
        Optional<String> word = spelling(analyzer, field, terms[i].text());
        if (word.isEmpty()) return Optional.empty();
        words.add(word.get());
      }
      String text = String.join(" ", words);
      return analyse(analyzer, field, text).equals(expected(terms, positions)) ? Optional.of(text) : Optional.empty();
    }
  }

  // A word that the field's analyzer turns into exactly {term}.
  private static Optional<String> spelling(Analyzer analyzer, String field, String term) {
    for (String ending : ENDINGS) {
      String word = term + ending;
      if (analyse(analyzer, field, word).equals(List.of("0:" + term))) return Optional.of(word);
    }
    return Optional.empty();
  }

  private static List<String> expected(Term[] terms, int[] positions) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < terms.length; i++) out.add((positions[i] - positions[0]) + ":" + terms[i].text());
    return out;
  }

  // Each token as "position:term", positions counted from the first token.
  private static List<String> analyse(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      int first = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        if (first < 0) first = position;
        out.add((position - first) + ":" + term);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text in memory cannot fail", e);
    }
    return out;
  }
}
