package dev.storybot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteMatchTest {

  @Test
  void hitWhenQuoteContainsAGoldAnswer() {
    assertTrue(QuoteMatch.hits("Normandy is a region in France.", List.of("Germany", "France")));
  }

  @Test
  void missWhenNoGoldAnswerIsInTheQuote() {
    assertFalse(QuoteMatch.hits("Normandy is a region in France.", List.of("Denmark")));
    assertFalse(QuoteMatch.hits(null, List.of("France")));
  }

  @Test
  void comparesCaseInsensitively() {
    assertTrue(QuoteMatch.hits("in THE 10TH and 11th centuries", List.of("10th and 11th Centuries")));
  }

  @Test
  void foldsWhiteSpaceRuns() {
    assertTrue(QuoteMatch.hits("Denmark,\n  Iceland\tand\u00A0Norway", List.of("Denmark, Iceland and  Norway")));
    assertFalse(QuoteMatch.hits("DenmarkIceland", List.of("Denmark Iceland")));
  }

  @Test
  void straightensCurlyQuotesOnBothSides() {
    assertTrue(QuoteMatch.hits("the word \u201CNorman\u201D comes from \u2018Norseman\u2019", List.of("\"Norman\"")));
    assertTrue(QuoteMatch.hits("it's the duke's", List.of("duke\u2019s")));
  }

  @Test
  void onlyTheShownFourHundredCharactersCount() {
    String quote = "x".repeat(QuoteMatch.SHOWN_CHARS - 3) + " France";
    assertFalse(QuoteMatch.hits(quote, List.of("France")));
    assertTrue(QuoteMatch.hits(quote, List.of("Fr")));
  }

  @Test
  void blankGoldAnswersNeverHit() {
    assertFalse(QuoteMatch.hits("anything", List.of(" ", "")));
  }

  @Test
  void normalizeLowersStraightensAndFolds() {
    assertEquals("a \"b\" 'c' d", QuoteMatch.normalize("A  \u201CB\u201D \u2018C\u2019\n\nD"));
  }
}
