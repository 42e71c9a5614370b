package dev.storybot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.search.Passage;
import dev.storybot.search.QuestionAnalyzer;
import dev.storybot.search.Quote;
import dev.storybot.search.SentencePicker;
import dev.storybot.search.TextRange;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The excerpt a reader is shown, made from a pick: over the bundled story and the quote fixtures
 * (src/test/resources/quotes/stories), with speakers attributed before, after and in the middle of their words, two
 * speakers, none, and quotes that lean on the sentence before.
 */
class QuotingTest {

  private static final String BLINKEN = "blinken-middle-east-trip.txt";
  private static final String SAFADI = "Ayman Safadi, Jordanian foreign minister";
  private static List<Story> stories;
  private final Quoting quoting = new Quoting();
  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

  @BeforeAll
  static void read() throws Exception {
    stories = new ArrayList<>(StoryLoader.bundled());
    stories.addAll(StoryLoader.load(Path.of(QuotingTest.class.getResource("/quotes/stories").toURI())).stories());
  }

  // The excerpt of `picked` in paragraph `n` (1-based) of `story`, for `question`.
  private Excerpt excerpt(String story, int n, String picked, String question) {
    Story s = stories.stream().filter(x -> x.id().equals(story)).findFirst().orElseThrow();
    String p = s.paragraphs().get(n - 1);
    int at = p.indexOf(picked);
    assertTrue(at >= 0, "not in ¶" + n + ": " + picked);
    SentencePicker.Pick pick = new SentencePicker.Pick(new TextRange(at, at + picked.length()), 1, 1, List.of());
    Excerpt e = quoting.excerpt(new ExcerptRanker.Ranked(new Passage(s.id(), s.attribution(), n, p, 1), pick, 1),
        analyzer.analyze(question));
    assertTrue(p.contains(e.quote()), "the quote is the story's words: " + e.quote());
    assertTrue(e.quote().contains(picked), "the quote holds what was picked: " + e.quote());
    assertTrue(e.quote().length() <= Excerpt.MAX_QUOTE_CHARS, e.quote().length() + " characters");
    return e;
  }

  private static List<String> speakers(Excerpt e) {
    return e.speakers().stream().map(Excerpt.Voice::name).toList();
  }

  @Test
  void aQuotationAttributedAfterItTakesItsClauseInWhenItFits() {
    Excerpt e = excerpt(BLINKEN, 25, "Are we going to be talking about a wasteland? Are we going to be talking about a"
        + " whole population reduced to refugees?", "What will Gaza be after the war, a wasteland?");
    assertTrue(e.quote().endsWith("Jordanian Foreign Minister Ayman Safadi said."), e.quote());
    assertEquals(List.of(new Excerpt.Voice(SAFADI, true)), e.speakers());
    assertTrue(e.unnamedSpeakers().isEmpty(), "the quote names him itself");
    assertTrue(e.text().startsWith("“Are we going"), "the cut quotation is opened: " + e.text());
  }

  @Test
  void whenTheClauseDoesNotFitTheSpeakerGoesOnTheAttributionLine() {
    Excerpt e = excerpt(BLINKEN, 25, "“What happens next? How can we even entertain what will happen in Gaza when we do"
        + " not know what kind of Gaza will be left after this war is done?", "What will happen in Gaza?");
    assertFalse(e.quote().contains("Safadi"), "the clause is too far: " + e.quote());
    assertEquals(List.of(SAFADI), e.unnamedSpeakers());
    assertTrue(e.text().endsWith("done?”"), "the cut quotation is closed: " + e.text());
  }

  @Test
  void reportedSpeechBySurnameNamesThePersonInFull() {
    Excerpt e = excerpt(BLINKEN, 9, "Al-Ansari told CNN that any hostage release has to be connected to a period of calm.",
        "What did Al-Ansari tell CNN?");
    assertEquals(List.of("Majed Al-Ansari, Qatari Ministry of Foreign Affairs spokesperson"), e.unnamedSpeakers());
  }

  @Test
  void aReadoutQuotedWithItsAccordingToIsNamedInTheQuote() {
    Excerpt e = excerpt(BLINKEN, 12, "On Monday, President Joe Biden and Netanyahu “discussed the possibility of tactical"
        + " pauses", "What did Biden and Netanyahu discuss?");
    assertTrue(e.quote().endsWith("according to a White House readout."), e.quote());
    assertEquals(List.of(new Excerpt.Voice("a White House readout", true)), e.speakers());
  }

  @Test
  void aQuoteAttributedInTheMiddleOrBeforeIsNamed() {
    Excerpt middle = excerpt("harbor-council.txt", 3, "“We are,” Fernandes said, “going to fix the roads too, and we"
        + " will start this summer.”", "Will the roads be fixed?");
    assertEquals(List.of(new Excerpt.Voice("Fernandes", true)), middle.speakers());
    Excerpt before = excerpt("harbor-council.txt", 2, "Council member Daniel Osei said: “We are spending 48 million"
        + " dollars on a bridge while the roads fall apart.”", "How much is spent on the bridge?");
    assertEquals(List.of("Daniel Osei, Council member"), speakers(before));
  }

  @Test
  void twoSpeakersAreBothNamedInTheOrderTheirWordsCome() {
    Excerpt e = excerpt("harbor-council.txt", 8, "“It is a good day for cyclists,” Osei conceded, while Fernandes added"
        + " that “the work starts in spring.”", "When does the work start?");
    assertEquals(List.of("Osei", "Fernandes"), speakers(e));
    assertTrue(e.unnamedSpeakers().isEmpty());
  }

  @Test
  void aParagraphThatNamesNoSpeakerGivesNone() {
    assertTrue(excerpt(BLINKEN, 15, "Sometimes the absence of something bad happening", "What is evidence of progress?")
        .speakers().isEmpty(), "“…,” he added: no one named in the paragraph");
    assertTrue(excerpt(BLINKEN, 19, "the conversations were not contentious", "Were the conversations contentious?")
        .speakers().isEmpty(), "according to an unnamed source");
    assertTrue(excerpt("harbor-council.txt", 4, "They argued that the money should repair existing roads first.",
        "What should the money repair?").speakers().isEmpty());
  }

  @Test
  void aSheTakesInTheSentenceBeforeButABareSurnameIsNoProofOfAPerson() {
    Excerpt e = excerpt("harbor-council.txt", 6, "She said the bridge would open in 2027.", "When will the bridge open?");
    assertEquals("Fernandes called the vote a turning point for the waterfront. She said the bridge would open in 2027.",
        e.quote(), "the sentence she leans on comes along, so the reader sees who she is");
    assertTrue(e.speakers().isEmpty(), "from the paragraph alone, Fernandes may not be a person: named by no one");
  }

  @Test
  void aHeWhoseNameIsOutsideTheQuoteIsNamedOnTheLineAndHisClauseNotTakenIn() {
    Excerpt e = excerpt("museum-theft.txt", 4, "\"and we want them back.\"", "Do they want the paintings back?");
    assertFalse(e.quote().contains("he said"), "a clause that says only \"he\" names no one: " + e.quote());
    assertEquals(List.of("Henrik Lund, Museum director"), e.unnamedSpeakers());
  }

  @Test
  void aConnectiveWithNothingBeforeItGivesWayToAnEllipsisAndIsNeverEmphasised() {
    Excerpt e = excerpt(BLINKEN, 11, "But just hours after meeting with Blinken on Friday, Israeli Prime Minister"
        + " Benjamin Netanyahu publicly rejected any stop to the fighting", "But what did Netanyahu reject?");
    assertTrue(e.quote().startsWith("But just hours"), e.quote());
    assertTrue(e.text().startsWith("…just hours"), e.text());
    assertFalse(e.shown().isVerbatim());
    List<String> bold = e.emphasisRuns().stream().map(r -> e.text().substring(r.start(), r.end())).toList();
    assertEquals(List.of("Netanyahu", "rejected"), bold);
  }

  @Test
  void wordsOfTheQuestionInTheClauseTakenInAreEmphasised() {
    Excerpt e = excerpt(BLINKEN, 25, "Simply we do not know", "What did Safadi not know?");
    List<String> bold = e.emphasisRuns().stream().map(r -> e.text().substring(r.start(), r.end())).toList();
    assertTrue(bold.contains("Safadi"), bold.toString());
    for (Quote.Segment s : e.shown().segments()) {
      if (s.kind() != Quote.Kind.VERBATIM) assertFalse(s.text().contains("*"));
    }
  }
}
