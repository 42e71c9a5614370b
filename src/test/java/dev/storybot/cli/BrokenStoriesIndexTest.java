package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.StoryIndex;
import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `storybot index` over a folder where most files are broken in a different way: each broken one is skipped with
 * its reason named in the summary, every good story is indexed, and the command succeeds.
 */
class BrokenStoriesIndexTest {

  @TempDir Path temp;

  @Test
  void everyBrokenFileIsSkippedWithItsReasonAndEveryGoodStoryIsIndexed() throws Exception {
    Path stories = temp.resolve("stories");
    List<Story> good = Fixtures.stories(stories);
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
    Path index = temp.resolve("index");

    Run run = Run.of("index", "--stories", stories.toString(), "--index", index.toString(), "--max-file-size", "64K");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    String out = run.out().strip();
    // The good stories and the first twin, whose one paragraph is all twins.jsonl gives before its broken line.
    int count = good.size() + 1;
    int paragraphs = Fixtures.paragraphs(good) + 1;
    assertTrue(out.matches("indexed " + count + " stories \\(" + paragraphs + " paragraphs\\) in \\d+\\.\\d s; skipped 8: .*"),
        out);
    for (String skipped : new String[] {"empty.txt (empty file)", "binary.txt (not UTF-8 text)",
        "latin1.txt (not UTF-8 text)", "huge.txt (larger than 64 KiB)", "broken.json (", "broken.md (",
        "broken.html (", "twins.jsonl (line 2: duplicate id \"twin\""}) {
      assertTrue(out.contains(skipped), skipped + " in " + out);
    }
    try (StoryIndex built = StoryIndex.open(index)) {
      assertEquals(count, built.stats().stories());
      assertEquals(paragraphs, built.stats().paragraphs());
    }
  }

  @Test
  void aBadSizeLimitIsAUserErrorNamingTheOption() throws Exception {
    Path stories = Fixtures.folder(temp.resolve("stories"));
    Run run = Run.of("index", "--stories", stories.toString(), "--index", temp.resolve("i").toString(),
        "--max-file-size", "lots");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertEquals("storybot: --max-file-size must be a size such as 512K or 5M, got \"lots\"", run.err().strip());
  }
}
