package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.search.Quote.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandAloneTest {

  private static final String BLINKEN = "blinken-middle-east-trip.txt";

  private static StandAlone standAlone(String story) {
    return new StandAlone(People.of(QuoteStories.story(story).paragraphs()));
  }

  private static Quote quote(String story, int n, String text, int maxChars) {
    String p = QuoteStories.paragraph(story, n);
    return standAlone(story).quote(p, QuoteStories.find(p, text), maxChars);
  }

  @Test
  void aLeaningSentenceTakesInTheOneBeforeWhenBothFit() {
    String p = QuoteStories.paragraph(BLINKEN, 10);
    Quote q = quote(BLINKEN, 10, "That’s something we’re intensely focused on.", 400);
    assertEquals("One critical aspect, though, is seeing progress on hostages. That’s something we’re intensely focused on.",
        q.text());
    assertTrue(q.isVerbatim());
    assertEquals(q.text(), q.range().of(p));
  }

  @Test
  void heBecomesTheBracketedNameWhenTheSentenceBeforeDoesNotFit() {
    String p = QuoteStories.paragraph(BLINKEN, 3);
    String he = "He also repeatedly advocated for the idea of a “humanitarian pause” rather than a ceasefire.";
    Quote q = quote(BLINKEN, 3, he, he.length() + 10);
    assertEquals("[Blinken] also repeatedly advocated for the idea of a “humanitarian pause” rather than a ceasefire.",
        q.text());
    assertEquals(List.of(Kind.BRACKETED, Kind.VERBATIM), q.segments().stream().map(Quote.Segment::kind).toList());
    assertEquals(he, q.range().of(p), "the verbatim quote stays the story's words");
    assertTrue(p.contains(q.segments().get(0).text()), "the bracketed name is the paragraph's own word");
  }

  @Test
  void heStaysWhenTheStoryDoesNotShowTheNameIsAPersons() {
    String p = QuoteStories.paragraph(BLINKEN, 3);
    String he = "He also repeatedly advocated for the idea of a “humanitarian pause” rather than a ceasefire.";
    Quote q = new StandAlone().quote(p, QuoteStories.find(p, he), he.length());
    assertEquals(he, q.text());
  }

  @Test
  void heStaysWhenTwoPeopleAreNamedBefore() {
    String he = "He said afterwards that the talks had been \"frank.\"";
    assertEquals(he, quote("river-talks.txt", 1, he, he.length()).text());
  }

  @Test
  void aConnectiveWithNothingBeforeItInTheParagraphGivesWayToAnEllipsis() {
    Quote q = quote(BLINKEN, 11, "But just hours after meeting with Blinken on Friday", 400);
    assertEquals("…just hours after meeting with Blinken on Friday", q.text());
    assertEquals(Kind.ELLIPSIS, q.segments().get(0).kind());
    assertEquals("But just hours after meeting with Blinken on Friday",
        q.range().of(QuoteStories.paragraph(BLINKEN, 11)));
  }

  @Test
  void sentencesLeaningInTurnAreTakenInUntilOneStandsThenItsConnectiveGoes() {
    Quote q = quote("orchard-frost.txt", 10, "It expects the first of them to bear fruit in 2029.", 400);
    assertEquals("…the cooperative plans to plant hardier varieties. It expects the first of them to bear fruit in 2029.",
        q.text());
  }

  @Test
  void theLeadInRuleTakesInWhatALeaningSentenceLeansOnAndNothingForACut() {
    String p = QuoteStories.paragraph(BLINKEN, 10);
    List<TextRange> sentences = Sentences.split(p);
    TextRange that = QuoteStories.find(p, "That’s something we’re intensely focused on.");
    assertEquals(quote(BLINKEN, 10, that.of(p), 400).range(), StandAlone.leadIn(p, sentences, that, 400));
    assertEquals("One critical aspect, though, is seeing progress on hostages. " + that.of(p),
        StandAlone.leadIn(p, sentences, that, 400).of(p));
    TextRange cut = new TextRange(that.start() + "That’s ".length(), that.end());
    assertEquals(cut, StandAlone.leadIn(p, sentences, cut, 400), "a cut does not start a sentence");
    assertEquals(that, StandAlone.leadIn(p, sentences, that, that.length() + 5), "nothing taken in past the limit");
  }

  @Test
  void aSentenceThatStandsIsLeftAsItIs() {
    String s = "Weather service data show that April was the coldest in thirty years.";
    Quote q = quote("orchard-frost.txt", 7, s, 400);
    assertEquals(s, q.text());
    assertTrue(q.isVerbatim());
  }

  @Test
  void aQuotationCutAfterItsOpeningMarkIsClosed() {
    Quote q = quote(BLINKEN, 10,
        "“When it comes to humanitarian pauses, we’re engaged with the Israelis on the particular practicalities of that.",
        400);
    assertTrue(q.text().endsWith("practicalities of that.”"), q.text());
    assertEquals(Kind.MARK, q.segments().get(q.segments().size() - 1).kind());
  }

  @Test
  void aQuotationCutBeforeItsClosingMarkIsOpenedAndTheLeaningSentencesComeAlong() {
    Quote q = quote(BLINKEN, 10, "But we also believe that a pause could help advance that proposition as well,” Blinken said Monday.",
        400);
    assertEquals("“One critical aspect, though, is seeing progress on hostages. That’s something we’re intensely focused on. "
        + "But we also believe that a pause could help advance that proposition as well,” Blinken said Monday.", q.text());
  }

  @Test
  void aCutMidSentenceGetsAnEllipsisInsideTheAddedMark() {
    assertEquals("“When it comes to humanitarian pauses,…”",
        quote(BLINKEN, 10, "“When it comes to humanitarian pauses,", 400).text());
  }

  @Test
  void nestedQuotationsAreClosedInnermostFirstAndOpenedOutermostFirst() {
    String story = "harbor-council.txt";
    assertEquals("“People told me, ‘Just build…’”", quote(story, 12, "“People told me, ‘Just build", 400).text());
    assertEquals("“‘…the thing,’ and that is what we did,” Fernandes said.",
        quote(story, 12, "the thing,’ and that is what we did,” Fernandes said.", 400).text());
  }

  @Test
  void emphasisFallsOnlyOnTheStorysOwnWords() {
    String p = QuoteStories.paragraph(BLINKEN, 3);
    String he = "He also repeatedly advocated for the idea of a “humanitarian pause” rather than a ceasefire.";
    TextRange range = QuoteStories.find(p, he);
    Quote q = standAlone(BLINKEN).quote(p, range, he.length());
    TextRange heWord = new TextRange(range.start(), range.start() + 2);
    TextRange advocated = QuoteStories.find(p, "advocated");
    List<TextRange> shown = q.emphasis(List.of(heWord, advocated));
    assertEquals(1, shown.size(), "the replaced pronoun is not emphasised");
    assertEquals("advocated", shown.get(0).of(q.text()));
  }
}
