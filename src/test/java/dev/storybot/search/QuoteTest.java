package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.search.Quote.Kind;
import dev.storybot.search.Quote.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteTest {

  private static final String P = "He said it. He also said “more.”";

  @Test
  void aVerbatimQuoteShowsTheParagraphsWords() {
    Quote q = Quote.verbatim(P, new TextRange(12, P.length()));
    assertEquals("He also said “more.”", q.text());
    assertTrue(q.isVerbatim());
  }

  @Test
  void addedWordsAreShownBracketedAndEmphasisSkipsThem() {
    TextRange range = new TextRange(12, P.length());
    Quote q = new Quote(range, List.of(Quote.added(Kind.BRACKETED, "Smith"), Quote.words(P, new TextRange(14, P.length()))));
    assertEquals("[Smith] also said “more.”", q.text());
    assertFalse(q.isVerbatim());
    List<TextRange> shown = q.emphasis(List.of(new TextRange(12, 14), new TextRange(20, 24)));
    assertEquals(1, shown.size());
    assertEquals("said", shown.get(0).of(q.text()));
  }

  @Test
  void segmentsMustBeTheParagraphsWordsInOrderInsideTheRange() {
    TextRange range = new TextRange(12, 20);
    assertThrows(IllegalArgumentException.class,
        () -> new Quote(range, List.of(Quote.words(P, new TextRange(0, 5)))));
    assertThrows(IllegalArgumentException.class, () -> new Quote(range,
        List.of(Quote.words(P, new TextRange(15, 19)), Quote.words(P, new TextRange(12, 14)))));
    assertThrows(IllegalArgumentException.class, () -> new Segment(Kind.VERBATIM, "x", null));
    assertThrows(IllegalArgumentException.class, () -> new Segment(Kind.BRACKETED, "x", new TextRange(0, 1)));
    assertThrows(IllegalArgumentException.class, () -> new Segment(Kind.VERBATIM, "xy", new TextRange(0, 1)));
  }
}
