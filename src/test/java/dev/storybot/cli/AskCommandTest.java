package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {

  private static final String HEADLINE = "Blinken says progress made on Middle East trip despite few tangible results";
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void answersFromTheBundledStoryAsSlackWouldShowIt() {
    Run run = Run.of("ask", "Where", "did", "Blinken", "go", "after", "Ankara?");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.outLines();
    assertTrue(lines[0].startsWith("> "), lines[0]);
    assertTrue(lines[0].contains("*Ankara* for Tokyo"), lines[0]);
    assertTrue(lines[1].startsWith("— " + HEADLINE + " · "), lines[1]);
    assertTrue(lines[1].endsWith(" · ¶4"), lines[1]);
    // Only excerpts that answer: the others about Blinken's trip hold no place he went after Ankara.
    assertEquals(1, run.out().lines().filter(l -> l.startsWith("> ")).count(), run.out());
  }

  @Test
  void filtersInTheQuestionNarrowTheSearchAndAreNamed() {
    Run cnn = Run.of("ask", "--top", "1", "source:cnn Where did Blinken go after Ankara?");
    assertEquals(0, cnn.exitCode(), cnn.err());
    assertEquals("(Searched stories from cnn)", cnn.outLines()[0]);
    assertTrue(cnn.outLines()[1].contains("*Ankara* for Tokyo"), cnn.out());

    // The same notices Slack shows, in the same words.
    Run other = Run.of("ask", "source:Reuters Where did Blinken go after Ankara?");
    assertEquals(ExitCodes.USER_ERROR, other.exitCode(), other.out());
    assertEquals("(Searched stories from Reuters)", other.outLines()[0]);
    assertTrue(other.outLines()[1].startsWith("None of our stories match the filters (stories from Reuters)"), other.out());
    Run bad = Run.of("ask", "before:soon Where did Blinken go?");
    assertEquals(ExitCodes.USER_ERROR, bad.exitCode());
    assertTrue(bad.out().startsWith("I couldn't use that filter: before: needs a date written year-month-day"), bad.out());
  }

  @Test
  void topLimitsTheExcerpts() {
    Run run = Run.of("ask", "--top", "1", "What did Biden and Netanyahu discuss?");
    assertEquals(2, run.outLines().length, run.out());
    assertEquals(ExitCodes.USER_ERROR, Run.of("ask", "--top", "0", "anything").exitCode());
  }

  @Test
  void notFoundOffersTheNearestStories() {
    Run run = Run.of("ask", "Where", "did", "Blinken", "buy", "his", "violin", "strings?");
    assertEquals(0, run.exitCode());
    assertEquals(List.of("I couldn't find that in our stories.", "Nearest stories:", "• " + HEADLINE),
        List.of(run.outLines()));
  }

  @Test
  void jsonLinesForEachQuestionOnStandardInputInOrder() throws IOException {
    String questions = "Where did Blinken go after Ankara?\n\nWhere did Blinken buy his violin strings?\n";
    Run run = Run.withInput(questions, "ask", "--json");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.outLines();
    assertEquals(2, lines.length, run.out());

    JsonNode answered = json.readTree(lines[0]);
    assertEquals(List.of("question", "answered", "excerpts"), fieldNames(answered));
    assertEquals("Where did Blinken go after Ankara?", answered.get("question").asText());
    assertTrue(answered.get("answered").asBoolean());
    JsonNode first = answered.get("excerpts").get(0);
    // The contract only grows: "speaker" (and "shown") come after the fields every reader already knows.
    assertEquals(List.of("storyId", "title", "source", "byline", "published", "url", "paragraph", "quote", "score"),
        fieldNames(first).subList(0, 9));
    assertEquals("blinken-middle-east-trip.txt", first.get("storyId").asText());
    assertEquals(HEADLINE, first.get("title").asText());
    assertEquals(4, first.get("paragraph").asInt());
    assertTrue(first.get("quote").asText().contains("Tokyo"));
    assertFalse(first.get("quote").asText().contains("*"), "JSON quotes are verbatim, without emphasis marks");
    assertTrue(first.get("score").isNumber());

    JsonNode declined = json.readTree(lines[1]);
    assertEquals(List.of("question", "answered", "nearest"), fieldNames(declined));
    assertFalse(declined.get("answered").asBoolean());
    assertEquals(HEADLINE, declined.get("nearest").get(0).asText());
  }

  @Test
  void batchTextModeHeadsEachAnswerWithItsQuestion() {
    Run run = Run.withInput("Where did Blinken go after Ankara?\nWhat did Biden and Netanyahu discuss?\n",
        "ask", "--top", "1");
    List<String> heads = run.out().lines().filter(l -> l.startsWith("Q: ")).toList();
    assertEquals(List.of("Q: Where did Blinken go after Ankara?", "Q: What did Biden and Netanyahu discuss?"), heads);
  }

  @Test
  void answersFromAStoryFolderAndFromABuiltIndex() {
    Path stories = Fixtures.folder(temp.resolve("stories"));
    Run fromFolder = Run.of("ask", "--stories", stories.toString(), "--top", "1", "How much will the bridge cost?");
    assertEquals(0, fromFolder.exitCode(), fromFolder.err());
    assertTrue(fromFolder.out().contains("48 million dollars"), fromFolder.out());
    assertTrue(fromFolder.out().contains("— Council approves new harbor bridge after two-year debate · ¶2"));

    Path index = temp.resolve("index");
    assertEquals(0, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
    Run fromIndex = Run.of("ask", "--index", index.toString(), "--top", "1", "How much will the bridge cost?");
    assertEquals(fromFolder.out(), fromIndex.out());
  }

  @Test
  void skippedStoryFilesAreReportedOnStderrWhileStdoutStaysJson() throws IOException {
    Path stories = Fixtures.folder(temp.resolve("stories"));
    Files.writeString(stories.resolve("a.pdf"), "%PDF-1.4");
    Run run = Run.of("ask", "--json", "--stories", stories.toString(), "How much will the bridge cost?");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("storybot: skipped 1 file:" + System.lineSeparator() + "  a.pdf (unsupported format)", run.err().strip());
    assertTrue(json.readTree(run.out()).get("answered").asBoolean());
  }

  @Test
  void anEmptyQuestionSaysHowToAskOnTheCommandLine() {
    for (String blank : new String[] {"", "   "}) {
      Run run = Run.of("ask", blank);
      assertEquals(ExitCodes.USER_ERROR, run.exitCode());
      assertEquals("", run.out());
      assertTrue(run.err().startsWith("storybot: the question is empty: ask one, e.g. storybot ask \""
          + AskCommand.EXAMPLE + "\""), run.err());
    }
    assertTrue(Run.of("ask", AskCommand.EXAMPLE).out().startsWith("> "), "the example is answered");
  }

  @Test
  void aFolderWithoutAnIndexIsAUserErrorSayingHowToBuildOne() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Run run = Run.of("ask", "--index", empty.toString(), "anything");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertEquals("storybot: no index in " + empty + ": run `storybot index --stories DIR --index " + empty + "`",
        run.err().strip());
  }

  @Test
  void storiesAndIndexExcludeEachOther() {
    Run run = Run.of("ask", "--stories", temp.toString(), "--index", temp.toString(), "anything");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("mutually exclusive"), run.err());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // Every excerpt of `question` through `ask --json`: quote, shown text and speaker, with its paragraph.
  private List<JsonNode> excerpts(String question) throws IOException {
    Run run = Run.of("ask", "--json", "--top", "12", question);
    assertEquals(0, run.exitCode(), run.err());
    List<JsonNode> out = new ArrayList<>();
    json.readTree(run.out()).path("excerpts").forEach(out::add);
    return out;
  }

  @Test
  void theSafadiSentenceWheneverShownNamesAymanSafadi() throws IOException {
    int shown = 0;
    for (String q : List.of("Where did Blinken go after Ankara?", "What kind of Gaza will be left after the war?",
        "Are we going to be talking about a wasteland?", "What did the Jordanian foreign minister say?",
        "Who said we do not know?")) {
      for (JsonNode e : excerpts(q)) {
        if (e.path("paragraph").asInt() != 25) continue;
        shown++;
        assertEquals("Ayman Safadi, Jordanian foreign minister", e.path("speaker").asText(), q + ": " + e);
      }
    }
    assertTrue(shown >= 4, "the Safadi paragraph was shown only " + shown + " times");
  }

  @Test
  void whereBlinkenWentAfterAnkaraShowsTheTokyoSentenceFirstAndSafadiByName() throws IOException {
    List<JsonNode> excerpts = excerpts("Where did Blinken go after Ankara?");
    assertTrue(excerpts.get(0).path("quote").asText().contains("departed Ankara for Tokyo"), excerpts.get(0).toString());
    Run text = Run.of("ask", "Where did Blinken go after Ankara?");
    assertTrue(text.outLines()[0].contains("*Ankara* for Tokyo"), text.out());
    // Wherever Safadi's words are, his name is on the quote or on its attribution line.
    String[] lines = text.outLines();
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].contains("wasteland")) {
        assertTrue(lines[i].contains("Ayman Safadi") || lines[i + 1].contains("Ayman Safadi"), lines[i] + "\n" + lines[i + 1]);
      }
    }
  }

  @Test
  void theAlAnsariAndWhiteHouseExcerptsNameTheirSpeakers() throws IOException {
    // Quoted with the sentence that names him, or with his name on the attribution line: never without it.
    JsonNode ansari = excerpts("What did Al-Ansari tell CNN?").get(0);
    String quote = ansari.path("quote").asText();
    assertTrue(quote.contains("Al-Ansari told CNN"), ansari.toString());
    assertTrue(quote.contains("spokesperson Majed Al-Ansari said")
        || ansari.path("speaker").asText().equals("Majed Al-Ansari, Qatari Ministry of Foreign Affairs spokesperson"),
        ansari.toString());
    Run text = Run.of("ask", "--top", "1", "What did Al-Ansari tell CNN?");
    assertTrue(text.outLines()[0].contains("Majed *Al*-*Ansari*") || text.outLines()[0].contains("Majed Al-Ansari")
        || text.outLines()[1].startsWith("— Majed Al-Ansari, Qatari Ministry of Foreign Affairs spokesperson · "),
        text.out());

    JsonNode readout = excerpts("What did Biden and Netanyahu discuss?").get(0);
    assertTrue(readout.path("quote").asText().endsWith("according to a White House readout."), readout.toString());
    assertEquals("a White House readout", readout.path("speaker").asText());
  }

  @Test
  void jsonKeepsTheQuoteVerbatimAndGivesTheShownTextBesideIt() throws IOException {
    JsonNode e = excerpts("What did Netanyahu reject after meeting Blinken?").get(0);
    String paragraph = StoryLoader.bundled().get(0).paragraphs().get(e.path("paragraph").asInt() - 1);
    assertTrue(paragraph.contains(e.path("quote").asText()), "quote is the story's words: " + e);
    assertTrue(e.path("quote").asText().startsWith("But just hours after"), e.toString());
    assertEquals("…" + e.path("quote").asText().substring("But ".length()), e.path("shown").asText());
    assertFalse(e.has("speaker"), "no speaker field when the paragraph names none: " + e);
    JsonNode verbatim = excerpts("Where did Blinken go after Ankara?").get(0);
    assertFalse(verbatim.has("shown"), "no shown field when the quote is shown as it is: " + verbatim);
  }
}
