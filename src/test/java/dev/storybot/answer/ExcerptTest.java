package dev.storybot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storybot.search.Quote;
import dev.storybot.search.Quote.Kind;
import dev.storybot.search.TextRange;
import dev.storybot.story.Attribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An excerpt's shown quote stands for its verbatim quote, and its emphasis falls on the shown text. */
class ExcerptTest {

  private static final String PARAGRAPH = "Talks went on. He also advocated a pause.";
  private static final TextRange HE = new TextRange(15, PARAGRAPH.length());

  private static Quote bracketed() {
    return new Quote(HE, List.of(Quote.added(Kind.BRACKETED, "Blinken"),
        Quote.words(PARAGRAPH, new TextRange(17, PARAGRAPH.length()))));
  }

  private static Excerpt excerpt(String quote, Quote shown, List<Excerpt.Span> emphasis) {
    return new Excerpt("s", Attribution.NONE.withTitle("T"), 1, quote, 1, emphasis, shown, List.of());
  }

  @Test
  void theShownTextKeepsTheStorysWordsAndMarksWhatWasAdded() {
    Excerpt e = excerpt(HE.of(PARAGRAPH), bracketed(), List.of());
    assertEquals("He also advocated a pause.", e.quote());
    assertEquals("[Blinken] also advocated a pause.", e.text());
  }

  @Test
  void emphasisRunsAreOfTheShownText() {
    int at = "[Blinken] also ".length();
    Excerpt e = excerpt(HE.of(PARAGRAPH), bracketed(), List.of(new Excerpt.Span(at, at + "advocated".length())));
    Excerpt.Span run = e.emphasisRuns().get(0);
    assertEquals("advocated", e.text().substring(run.start(), run.end()));
  }

  @Test
  void aShownQuoteThatIsNotTheQuotesWordsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> excerpt("He also advocated a ceasefire.", bracketed(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> excerpt("Talks went on.", bracketed(), List.of()));
  }

  @Test
  void withoutAShownQuoteTheQuoteIsShownAsItIs() {
    Excerpt e = new Excerpt("s", Attribution.NONE.withTitle("T"), 1, "It was Jo.", 1, List.of());
    assertEquals("It was Jo.", e.text());
    assertEquals(List.of(), e.speakers());
  }

  @Test
  void theAttributionLineNamesOnlyTheSpeakersTheQuoteDoesNot() {
    Excerpt e = new Excerpt("s", Attribution.NONE.withTitle("T"), 1, "q", 1, List.of(), null,
        List.of(new Excerpt.Voice("Osei", true), new Excerpt.Voice("Ines Vidal, the chair", false)));
    assertEquals(List.of("Ines Vidal, the chair"), e.unnamedSpeakers());
    assertThrows(IllegalArgumentException.class, () -> new Excerpt.Voice(" ", false));
  }
}
