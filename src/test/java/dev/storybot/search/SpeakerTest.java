package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a speaker reads on an attribution line: a title moved after the name only when it is one. */
class SpeakerTest {

  // A speaker whose phrase is all of `phrase`, split into `name` and the `role` before it.
  private static String display(String phrase, String name, String role) {
    TextRange all = new TextRange(0, phrase.length());
    return new Speaker(all, phrase, name, role, role != null && phrase.indexOf(role) < phrase.indexOf(name), all, false)
        .display();
  }

  @Test
  void aTitleBeforeTheNameGoesAfterIt() {
    assertEquals("Ayman Safadi, Jordanian foreign minister",
        display("Jordanian Foreign Minister Ayman Safadi", "Ayman Safadi", "Jordanian Foreign Minister"));
    assertEquals("Antony Blinken, Secretary of State",
        display("Secretary of State Antony Blinken", "Antony Blinken", "Secretary of State"));
    assertEquals("Verity Lambert, producer", display("producer Verity Lambert", "Verity Lambert", "producer"));
  }

  @Test
  void wordsBeforeTheNameThatAreNoTitleStayAsTheStoryWroteThem() {
    assertEquals("Jody Rosen of Rolling Stone", display("Jody Rosen of Rolling Stone", "Stone", "Jody Rosen of Rolling"));
    assertEquals("NSW Liberal MP Gareth Ward", display("NSW Liberal MP Gareth Ward", "Liberal MP Gareth Ward", "NSW"));
    assertEquals("the IUCN Red List of Endangered Species",
        display("the IUCN Red List of Endangered Species", "Species", "IUCN Red List of Endangered"));
  }

  @Test
  void aPhraseCutInsideBracketsLosesTheOpenBracket() {
    assertEquals("Martin Dolan of the Australian Transport Safety Bureau",
        display("Martin Dolan of the Australian Transport Safety Bureau (ATSB", "ATSB",
            "Martin Dolan of the Australian Transport Safety Bureau ("));
    assertEquals("a source (unnamed)", display("a source (unnamed)", null, null));
  }
}
