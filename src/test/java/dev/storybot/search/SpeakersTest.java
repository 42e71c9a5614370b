package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpeakersTest {

  private static final String BLINKEN = "blinken-middle-east-trip.txt";

  private static Speakers speakersOf(String storyId) {
    return new Speakers(People.of(QuoteStories.story(storyId).paragraphs()));
  }

  // The hand-labelled cases of src/test/resources/quotes/speakers.tsv.
  static List<Arguments> labelled() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (var in = new BufferedReader(new InputStreamReader(
        SpeakersTest.class.getResourceAsStream("/quotes/speakers.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t", -1);
        out.add(Arguments.of(f[5], f[0], Integer.parseInt(f[1]), f[2], f[3], f[4]));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}: {1} ¶{2}")
  @MethodSource("labelled")
  void namesTheSpeakerTheParagraphGivesAndNoOther(String label, String story, int n, String quote, String expected,
                                                  String where) {
    String paragraph = QuoteStories.paragraph(story, n);
    List<Speaker> found = speakersOf(story).speakers(paragraph, QuoteStories.find(paragraph, quote));
    String shown = found.isEmpty() ? "-" : found.stream().map(Speaker::display).collect(Collectors.joining(" ; "));
    assertEquals(expected, shown, label);
    if (!where.isEmpty()) assertEquals(where.equals("in"), found.get(0).clauseInQuote(), label + ": clause " + where);
  }

  @Test
  void theLabelledCasesAreMany() throws IOException {
    List<Arguments> cases = labelled();
    assertTrue(cases.size() >= 40, "only " + cases.size() + " cases");
    assertTrue(cases.stream().filter(a -> a.get()[4].equals("-")).count() >= 15, "too few cases with no speaker");
  }

  @Test
  void theSafadiSentenceNamesAymanSafadiSplitIntoNameAndRole() {
    String p = QuoteStories.paragraph(BLINKEN, 25);
    TextRange quote = QuoteStories.find(p, "Are we going to be talking about a wasteland?");
    Speaker s = speakersOf(BLINKEN).speaker(p, quote).orElseThrow();
    assertEquals("Jordanian Foreign Minister Ayman Safadi", s.phrase());
    assertEquals("Ayman Safadi", s.name());
    assertEquals("Jordanian Foreign Minister", s.role());
    assertEquals(s.phrase(), s.mention().of(p));
    assertEquals("Jordanian Foreign Minister Ayman Safadi said", s.clause().of(p));
    assertFalse(s.clauseInQuote());
  }

  @Test
  void theSafadiSentenceFoundWithoutTheRestOfTheStoryToo() {
    String p = QuoteStories.paragraph(BLINKEN, 25);
    Optional<Speaker> s = new Speakers().speaker(p, QuoteStories.find(p, "Are we going to be talking about a wasteland?"));
    assertEquals("Ayman Safadi", s.orElseThrow().name());
  }

  @Test
  void aQuoteGrowsToTakeInItsClauseOnlyWithinTheLimit() {
    String p = QuoteStories.paragraph(BLINKEN, 25);
    TextRange quote = QuoteStories.find(p, "Are we going to be talking about a wasteland?");
    Speaker s = speakersOf(BLINKEN).speaker(p, quote).orElseThrow();
    TextRange grown = s.quoteWithClause(p, quote, SentencePicker.MAX_QUOTE_CHARS).orElseThrow();
    assertTrue(grown.of(p).startsWith("Are we going to be talking about a wasteland?"), grown.of(p));
    assertTrue(grown.of(p).endsWith("Jordanian Foreign Minister Ayman Safadi said."), grown.of(p));
    assertTrue(grown.length() <= SentencePicker.MAX_QUOTE_CHARS);
    assertEquals(Optional.empty(), s.quoteWithClause(p, quote, quote.length() + 20));
  }

  @Test
  void aClauseInsideTheQuoteNeedsNoGrowing() {
    String p = QuoteStories.paragraph(BLINKEN, 9);
    TextRange quote = QuoteStories.find(p, "Al-Ansari told CNN that any hostage release has to be connected to a period of calm.");
    Speaker s = speakersOf(BLINKEN).speaker(p, quote).orElseThrow();
    assertTrue(s.clauseInQuote());
    assertEquals("Al-Ansari told", s.clause().of(p));
    assertEquals("Majed Al-Ansari", s.name());
    assertEquals(Optional.empty(), s.quoteWithClause(p, quote, 400));
  }

  @Test
  void twoSpeakersInOneParagraphEachKeepTheirOwnQuote() {
    String p = QuoteStories.paragraph("harbor-council.txt", 8);
    Speakers speakers = speakersOf("harbor-council.txt");
    assertEquals(Optional.empty(), speakers.speaker(p, new TextRange(0, p.length())), "two speakers: no one speaker");
    assertEquals("Osei", speakers.speaker(p, QuoteStories.find(p, "It is a good day")).orElseThrow().name());
    assertEquals("Fernandes", speakers.speaker(p, QuoteStories.find(p, "the work starts")).orElseThrow().name());
  }

  @Test
  void aPronounNeedsTheStorysPeopleWhenTheParagraphNamesThePersonOnlyBySurname() {
    String p = QuoteStories.paragraph("harbor-council.txt", 6);
    TextRange quote = QuoteStories.find(p, "She said the bridge would open in 2027.");
    assertEquals(Optional.empty(), new Speakers().speaker(p, quote), "a bare surname is no proof of a person");
    assertEquals("Fernandes", speakersOf("harbor-council.txt").speaker(p, quote).orElseThrow().name());
  }

  @Test
  void aQuoteRunningPastTheParagraphIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Speakers().speakers("Short.", new TextRange(0, 9)));
  }
}
