package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

  private static List<String> split(String text) {
    return Sentences.split(text).stream().map(r -> r.of(text)).toList();
  }

  @Test
  void splitsOnSentenceEndsAndTrimsWhiteSpace() {
    assertEquals(List.of("The bridge opens. ", "It cost a lot!", "Why?").stream().map(String::strip).toList(),
        split("  The bridge opens.  It cost a lot! Why? "));
  }

  @Test
  void titlesAndAbbreviationsDoNotEndASentence() {
    assertEquals(List.of("Mr. Smith met Dr. Jones at St. Mary's.", "They talked."),
        split("Mr. Smith met Dr. Jones at St. Mary's. They talked."));
  }

  @Test
  void initialsAndAcronymsJoinUnlessACommonOpenerFollows() {
    assertEquals(List.of("John F. Kennedy met U.S. officials.", "The U.K. did not."),
        split("John F. Kennedy met U.S. officials. The U.K. did not."));
    assertEquals(List.of("He moved to the U.S.", "The next day he left."),
        split("He moved to the U.S. The next day he left."));
  }

  @Test
  void quotationsStayWithTheirSentence() {
    assertEquals(List.of("“It is done,” he said.", "“Really?” she asked."),
        split("“It is done,” he said. “Really?” she asked."));
  }

  @Test
  void aBreakBeforeALowerCaseWordIsNoBreak() {
    assertEquals(List.of("It costs approx. 5 dollars, e.g. this one."),
        split("It costs approx. 5 dollars, e.g. this one."));
  }

  @Test
  void everySentenceIsAVerbatimSubstring() {
    String text = "The Normans (Norman: Nourmands) were in France. They came from Denmark, Iceland and Norway.";
    for (TextRange r : Sentences.split(text)) {
      assertEquals(r.of(text), text.substring(r.start(), r.end()));
    }
    assertEquals(2, Sentences.split(text).size());
    assertEquals(List.of(), Sentences.split("   "));
  }
}
