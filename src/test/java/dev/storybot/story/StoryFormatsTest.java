package dev.storybot.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each story format read from a fixture folder: headline, attribution, paragraphs verbatim, chrome dropped. */
class StoryFormatsTest {

  private static StoryLoad load;
  private static Map<String, Story> byId;

  @BeforeAll
  static void loadFixtures() throws Exception {
    load = StoryLoader.load(fixtures("formats"));
    byId = load.stories().stream().collect(Collectors.toMap(Story::id, Function.identity()));
  }

  static Path fixtures(String folder) throws URISyntaxException {
    return Path.of(StoryFormatsTest.class.getResource("/stories-fixtures/" + folder).toURI());
  }

  @Test
  void readsEveryStoryInFileOrderWithStableIds() {
    assertEquals(List.of("batch.jsonl", "batch.jsonl"), load.skipped().stream().map(StoryLoad.Skipped::file).toList());
    assertEquals(
        List.of("market-1", "batch.jsonl#2", "feature.md", "heading-only.md", "page.html", "plain.txt", "wire.json",
            "world/nested.txt"),
        load.stories().stream().map(Story::id).toList());
  }

  @Test
  void plainTextTakesAttributionFromItsSidecar() {
    Story s = byId.get("plain.txt");
    assertEquals("Harbour authority approves new ferry terminal", s.title());
    assertEquals("Harbour Gazette", s.attribution().source());
    assertEquals("Tomas Lind", s.attribution().byline());
    assertEquals("2024-02-06", s.attribution().published());
    assertEquals("https://example.org/ferry-terminal", s.attribution().url());
    assertEquals(List.of(
        "The harbour authority on Tuesday approved a new ferry terminal for the east pier, ending a two-year dispute"
            + " over its cost.",
        "“We have waited long enough,” said the authority’s chair, Ines Varga.",
        "Construction is due to start in March – weather permitting."), s.paragraphs());
  }

  @Test
  void markdownReadsFrontMatterAndStripsMarkup() {
    Story s = byId.get("feature.md");
    assertEquals("Lighthouse keeper retires after 40 years", s.title());
    assertEquals("Coastal Weekly", s.attribution().source());
    assertEquals("Ana Ruiz, Ben Okafor", s.attribution().byline());
    assertEquals("2024-03-01", s.attribution().published());
    assertEquals("https://example.org/lighthouse", s.attribution().url());
    assertEquals(List.of(
        "Keeper Marta Holm climbed the 112 steps of the North Point lighthouse for the last time on Friday.",
        "“The light never once went out on my watch,” she said."), s.paragraphs());
  }

  @Test
  void markdownWithoutFrontMatterTakesTheFirstHeadingAsHeadline() {
    Story s = byId.get("heading-only.md");
    assertEquals("Council delays vote on bike lanes", s.title());
    assertNull(s.attribution().source());
    assertEquals(List.of("The city council postponed its vote on the Elm Street bike lanes to next month."),
        s.paragraphs());
  }

  @Test
  void jsonReadsAllFieldsAndKeepsTheFileNameAsId() {
    Story s = byId.get("wire.json");
    assertEquals("Rail strike called off after late-night deal", s.title());
    assertEquals("Wire Service", s.attribution().source());
    assertEquals("Priya Nair", s.attribution().byline());
    assertEquals("2024-04-10T06:30:00Z", s.attribution().published());
    assertEquals("https://example.org/rail-deal", s.attribution().url());
    assertEquals(2, s.paragraphs().size(), "the \"Advertisement\" label is chrome");
    assertEquals("The agreement includes a 4.5% pay rise this year.", s.paragraphs().get(1));
  }

  @Test
  void jsonLinesReadsGoodLinesAndSkipsBadOnesByLineNumber() {
    Story first = byId.get("market-1");
    assertEquals("Fish market reopens", first.title());
    assertEquals("Tomas Lind", first.attribution().byline());
    assertEquals(List.of("The fish market reopened on Monday after repairs.", "Traders said business was brisk."),
        first.paragraphs());
    assertEquals("Tide tables corrected", byId.get("batch.jsonl#2").title());
    assertEquals("line 3: missing \"title\"", load.skipped().get(0).reason());
    assertEquals("batch.jsonl (line 3: missing \"title\")", load.skipped().get(0).toString());
    String malformed = load.skipped().get(1).reason();
    assertEquals(true, malformed.startsWith("line 5: malformed JSON at column "), malformed);
  }

  @Test
  void htmlReadsMetaTagsAndTheArticlesParagraphsOnly() {
    Story s = byId.get("page.html");
    assertEquals("Museum returns stolen painting", s.title());
    assertEquals("City Times", s.attribution().source());
    assertEquals("Lena Park", s.attribution().byline());
    assertEquals("2024-05-02T09:15:00Z", s.attribution().published());
    assertEquals("https://example.org/museum-painting", s.attribution().url());
    assertEquals(List.of(
        "The city museum returned a stolen landscape painting to its owners on Wednesday.",
        "“It is home at last,” said the family’s lawyer, Omar Haddad.",
        "The painting had been missing since 1991."), s.paragraphs());
  }

  @Test
  void subfoldersAreReadWithSlashSeparatedIds() {
    assertEquals("Storm closes mountain pass", byId.get("world/nested.txt").title());
  }
}
