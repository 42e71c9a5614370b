package dev.storybot.story;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken files are skipped with a reason a person can act on, and never stop the good files beside them. */
class StoryLoaderTest {

  @TempDir Path dir;

  @Test
  void skipsEachBrokenFileWithItsReasonAndReadsTheRest() throws IOException {
    // A byte-order mark and Windows line endings are fine.
    write("good.txt", "\uFEFFGood headline\r\n\r\nA good paragraph that is read.\r\n");
    write("a.pdf", "%PDF-1.4");
    write("empty.txt", "");
    write("blank.md", "  \n\n \n");
    Files.write(dir.resolve("latin1.txt"), new byte[] {'C', 'a', 'f', (byte) 0xE9, '\n', '\n', 'x'});
    Files.write(dir.resolve("binary.json"), new byte[] {'{', 0, 0, 1, '}'});
    write("bad.json", "{\n  \"title\": \"Broken\",\n  \"paragraphs\": [\"one\",\n}\n");
    write("array.json", "[{\"title\": \"One\", \"paragraphs\": [\"A paragraph.\"]}]");
    write("no-body.json", "{\"title\": \"No body\"}");
    write("bad-front.md", "---\ntitle: Fine\nsource: [unclosed\n---\n\nA paragraph.\n");
    write("unclosed.md", "---\ntitle: Never closed\n\nA paragraph.\n");
    write("no-headline.md", "Just prose without a title.\n");
    write("chrome-only.txt", "A headline\n\nSign up for our newsletter\n\nRead more\n");
    write("headline-only.txt", "Only a headline\n");
    write("no-p.html", "<html><body><h1>Headline</h1><div>Text in a div.</div></body></html>");
    write("sidecar.txt", "Sidecar story\n\nIts paragraph.\n");
    write("sidecar.meta.yml", "source: [oops\n");

    StoryLoad load = StoryLoader.load(dir);

    assertEquals(List.of("good.txt"), load.stories().stream().map(Story::id).toList());
    assertEquals("Good headline", load.stories().get(0).title());
    assertEquals(List.of("A good paragraph that is read."), load.stories().get(0).paragraphs());
    Map<String, String> reasons = new LinkedHashMap<>();
    load.skipped().forEach(s -> reasons.put(s.file(), s.reason()));
    assertEquals(15, reasons.size(), reasons.toString());
    assertEquals("unsupported format", reasons.get("a.pdf"));
    assertEquals("empty file", reasons.get("empty.txt"));
    assertEquals("empty file", reasons.get("blank.md"));
    assertEquals("not UTF-8 text", reasons.get("latin1.txt"));
    assertEquals("not UTF-8 text", reasons.get("binary.json"));
    assertStartsWith("malformed JSON at line 4: ", reasons.get("bad.json"));
    assertStartsWith("expected one story object", reasons.get("array.json"));
    assertEquals("missing \"paragraphs\" or \"body\"", reasons.get("no-body.json"));
    assertStartsWith("front matter: malformed YAML at line ", reasons.get("bad-front.md"));
    assertStartsWith("front matter opened by '---' on line 1 is never closed", reasons.get("unclosed.md"));
    assertStartsWith("no headline: add a \"title:\"", reasons.get("no-headline.md"));
    assertEquals("no paragraphs left after removing site chrome", reasons.get("chrome-only.txt"));
    assertEquals("no paragraphs", reasons.get("headline-only.txt"));
    assertEquals("no <p> paragraphs in the page's <body>", reasons.get("no-p.html"));
    assertStartsWith("sidecar.meta.yml: malformed YAML at line 1: ", reasons.get("sidecar.txt"));
  }

  @Test
  void skipsFilesLargerThanTheLimit() throws IOException {
    write("small.txt", "Small\n\nA short story.\n");
    write("big.txt", "Big\n\n" + "word ".repeat(400) + "\n");

    StoryLoad load = StoryLoader.load(dir, 1024);

    assertEquals(List.of("small.txt"), load.stories().stream().map(Story::id).toList());
    assertEquals(List.of(new StoryLoad.Skipped("big.txt", "larger than 1 KiB")), load.skipped());
  }

  @Test
  void defaultLimitIsFiveMebibytes() throws IOException {
    write("huge.txt", "Huge\n\n" + "x".repeat((int) StoryLoader.DEFAULT_MAX_FILE_BYTES));

    StoryLoad load = StoryLoader.load(dir);

    assertEquals(List.of(new StoryLoad.Skipped("huge.txt", "larger than 5 MiB")), load.skipped());
  }

  @Test
  void hiddenFilesHiddenFoldersAndSidecarsAreNeitherStoriesNorSkipped() throws IOException {
    write("story.txt", "Visible\n\nRead this.\n");
    write(".draft.txt", "Hidden draft\n\nNot read.\n");
    Files.createDirectories(dir.resolve(".git"));
    write(".git/config.txt", "Not a story\n\nNot read.\n");
    write("orphan.meta.yml", "source: Nobody\n");

    StoryLoad load = StoryLoader.load(dir);

    assertEquals(List.of("story.txt"), load.stories().stream().map(Story::id).toList());
    assertEquals(List.of(), load.skipped());
  }

  @Test
  void sidecarFieldsOverrideTheFilesOwn() throws IOException {
    write("wire.json", "{\"title\": \"Old title\", \"source\": \"Wire\", \"byline\": \"A. Writer\","
        + " \"body\": \"A paragraph.\"}");
    write("wire.meta.yml", "title: Corrected title\nsource: Daily Post\n");

    Story s = StoryLoader.load(dir).stories().get(0);

    assertEquals("Corrected title", s.title());
    assertEquals("Daily Post", s.attribution().source());
    assertEquals("A. Writer", s.attribution().byline());
  }

  @Test
  void aDuplicateIdIsSkippedAndTheFirstStoryKept() throws IOException {
    write("a.jsonl", "{\"id\": \"harbour\", \"title\": \"First\", \"body\": \"First paragraph.\"}\n"
        + "{\"id\": \"harbour\", \"title\": \"Second\", \"body\": \"Second paragraph.\"}\n");
    write("b.jsonl", "{\"id\": \"harbour\", \"title\": \"Third\", \"body\": \"Third paragraph.\"}\n");

    StoryLoad load = StoryLoader.load(dir);

    assertEquals(List.of("First"), load.stories().stream().map(Story::title).toList());
    assertEquals(List.of(
        new StoryLoad.Skipped("a.jsonl", "line 2: duplicate id \"harbour\" (already used by a.jsonl)"),
        new StoryLoad.Skipped("b.jsonl", "line 1: duplicate id \"harbour\" (already used by a.jsonl)")),
        load.skipped());
  }

  @Test
  void aMissingFolderOrAFileIsAnError() throws IOException {
    assertThrows(NoSuchFileException.class, () -> StoryLoader.load(dir.resolve("missing")));
    Path file = write("story.txt", "Headline\n\nParagraph.\n");
    assertThrows(NotDirectoryException.class, () -> StoryLoader.load(file));
    assertThrows(IllegalArgumentException.class, () -> StoryLoader.load(dir, 0));
  }

  @Test
  void anEmptyFolderLoadsNothing() throws IOException {
    StoryLoad load = StoryLoader.load(dir);
    assertTrue(load.stories().isEmpty() && load.skipped().isEmpty());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, UTF_8);
  }

  private static void assertStartsWith(String prefix, String actual) {
    assertTrue(actual != null && actual.startsWith(prefix), () -> "expected \"" + prefix + "…\" but was: " + actual);
  }
}
