package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** The analysed words of a text with their character ranges, as the index sees them (stemmed, stop words out). */
public final class Tokens {

  /**
   * One analysed word.
   *
   * @param stem its analysed form
   * @param range where it is in the text
   */
  public record Token(String stem, TextRange range) {}

  private final Analyzer analyzer = IndexSchema.stemmed();

  /** The words of {@code text} in order. */
  public List<Token> of(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(IndexSchema.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(term.toString(), new TextRange(offset.startOffset(), offset.endOffset())));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text in memory cannot fail", e);
    }
    return out;
  }
}
