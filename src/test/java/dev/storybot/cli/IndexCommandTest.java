package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.StoryIndex;
import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `storybot index` over the fixture stories, with unsupported and broken files beside them: each file skipped with
 * its reason named in the summary, every good story indexed.
 */
class IndexCommandTest {

  @TempDir Path temp;
  private Path stories;
  private Path index;
  private List<Story> fixtures;

  @BeforeEach
  void copyFixtures() {
    stories = temp.resolve("stories");
    index = temp.resolve("index");
    fixtures = Fixtures.stories(stories);
  }

  @Test
  void indexesAFolderAndSummarisesWithTheSkippedFiles() throws IOException {
    Files.writeString(stories.resolve("a.pdf"), "%PDF-1.4");
    Run run = Run.of("index", "--stories", stories.toString(), "--index", index.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().matches(
        "indexed " + fixtures.size() + " stories \\(" + Fixtures.paragraphs(fixtures)
            + " paragraphs\\) in \\d+\\.\\d s, embedded \\d+ and reused \\d+ sentences; skipped 1 file:\\R"
            + "  a\\.pdf \\(unsupported format\\)\\R"),
        run.out());
    assertEquals("", run.err(), "no progress bar without a terminal");
    try (StoryIndex built = StoryIndex.open(index)) {
      assertEquals(fixtures.size(), built.stats().stories());
    }
  }

  @Test
  void reindexingReplacesTheIndex() throws IOException {
    assertEquals(0, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
    Files.delete(stories.resolve("library-fire.txt"));
    List<Story> left = fixtures.stream().filter(s -> !s.id().equals("library-fire.txt")).toList();
    Run again = Run.of("index", "--stories", stories.toString(), "--index", index.toString());
    assertTrue(again.out().startsWith("indexed " + left.size() + " stories (" + Fixtures.paragraphs(left)
        + " paragraphs) in "), again.out());
    try (StoryIndex built = StoryIndex.open(index)) {
      assertEquals(left.size(), built.stats().stories());
    }
  }

  @Test
  void everyBrokenFileIsSkippedWithItsReasonAndEveryGoodStoryIsIndexed() throws Exception {
    Files.write(stories.resolve("empty.txt"), new byte[0]);
    byte[] binary = new byte[2048];
    new Random(7).nextBytes(binary);
    binary[10] = 0;
    Files.write(stories.resolve("binary.txt"), binary);
    Files.write(stories.resolve("latin1.txt"), "Caf\u00e9 society\n\nA paragraph.".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(stories.resolve("huge.txt"), "Huge\n\n" + "word ".repeat(30_000));
    Files.writeString(stories.resolve("broken.json"), "{\"title\": \"Half a story\", \"paragraphs\": [\"one\"");
    Files.writeString(stories.resolve("broken.md"), "---\ntitle: [unclosed\n  - : :\n---\n\nA paragraph.");
    Files.writeString(stories.resolve("broken.html"), "<html><body><div><p>no headline anywhere");
    Files.writeString(stories.resolve("twins.jsonl"),
        "{\"id\":\"twin\",\"title\":\"First twin\",\"paragraphs\":[\"The first twin was born at dawn.\"]}\n"
        + "{\"id\":\"twin\",\"title\":\"Second twin\",\"paragraphs\":[\"The second twin came at noon.\"]}\n");

    Run run = Run.of("index", "--stories", stories.toString(), "--index", index.toString(), "--max-file-size", "64K");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    String out = run.out().strip();
    // The good stories and the first twin, whose one paragraph is all twins.jsonl gives before its broken line.
    int count = fixtures.size() + 1;
    int paragraphs = Fixtures.paragraphs(fixtures) + 1;
    String[] lines = out.split("\\R");
    assertTrue(lines[0].matches("indexed " + count + " stories \\(" + paragraphs + " paragraphs\\) in \\d+\\.\\d s,"
        + " embedded \\d+ and reused \\d+ sentences; skipped 8 files:"), out);
    assertEquals(9, lines.length, "one line per skipped file: " + out);
    for (String skipped : new String[] {"empty.txt (empty file)", "binary.txt (not UTF-8 text)",
        "latin1.txt (not UTF-8 text)", "huge.txt (larger than 64 KiB)", "broken.json (", "broken.md (",
        "broken.html (", "twins.jsonl (line 2: duplicate id \"twin\""}) {
      assertTrue(List.of(lines).stream().anyMatch(l -> l.startsWith("  " + skipped)), skipped + " in " + out);
    }
    try (StoryIndex built = StoryIndex.open(index)) {
      assertEquals(count, built.stats().stories());
      assertEquals(paragraphs, built.stats().paragraphs());
    }
  }

  @Test
  void oneStoryIsOneStory() throws IOException {
    Path one = Files.createDirectories(temp.resolve("one"));
    Files.writeString(one.resolve("a.txt"), "A headline\n\nThe only paragraph.\n");
    Run run = Run.of("index", "--stories", one.toString(), "--index", temp.resolve("one-index").toString());
    assertTrue(run.out().matches("indexed 1 story \\(1 paragraph\\) in \\d+\\.\\d s, embedded \\d+ and reused \\d+ sentences\\R"),
        run.out());
  }

  @Test
  void aBadSizeLimitIsAUserErrorNamingTheOption() throws Exception {
    Run run = Run.of("index", "--stories", stories.toString(), "--index", temp.resolve("i").toString(),
        "--max-file-size", "lots");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertEquals("storybot: --max-file-size must be a size such as 512K or 5M, got \"lots\"", run.err().strip());
  }

  @Test
  void aMissingFolderIsAUserErrorSayingWhatToDo() {
    Path missing = temp.resolve("nowhere");
    Run run = Run.of("index", "--stories", missing.toString(), "--index", index.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertEquals("storybot: no folder " + missing + ": give --stories a folder of story files ("
        + StoryFolder.FORMATS + ")", run.err().strip());
    assertEquals("", run.out());
  }

  @Test
  void aFolderWithoutReadableStoriesIsAUserError() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Run run = Run.of("index", "--stories", empty.toString(), "--index", index.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("no readable stories in " + empty + ": add story files (")
        && run.err().strip().endsWith("(it is empty)"), run.err());

    Files.writeString(empty.resolve("notes.docx"), "x");
    Run unsupported = Run.of("index", "--stories", empty.toString(), "--index", index.toString());
    assertEquals(ExitCodes.USER_ERROR, unsupported.exitCode());
    assertTrue(unsupported.err().contains("notes.docx (unsupported format)"), unsupported.err());
    assertTrue(Files.notExists(index), "no index is written when nothing can be read");
  }

  @Test
  void storiesIsRequired() {
    Run run = Run.of("index");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("--stories"), run.err());
  }
}
