package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.app.Meaning;
import dev.storybot.index.StoryIndex;
import dev.storybot.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `storybot index` with meaning: the vectors are kept beside the index and only new or changed text is embedded. */
class IndexMeaningTest {

  private static final Pattern COUNTS = Pattern.compile("embedded (\\d+) and reused (\\d+) sentences");

  @TempDir Path temp;

  @Test
  void aRebuildEmbedsOnlyWhatIsNewAndTheIndexNamesItsModel() throws Exception {
    Path stories = Fixtures.folder(temp.resolve("stories"));
    Path index = temp.resolve("index");
    int[] first = counts(Run.of("index", "--stories", stories.toString(), "--index", index.toString()));
    assertTrue(first[0] > 0 && first[1] == 0, "everything embedded once: " + first[0] + "/" + first[1]);
    assertTrue(Files.isDirectory(index.resolve("vectors")), "the vectors are kept beside the index");

    int[] again = counts(Run.of("index", "--stories", stories.toString(), "--index", index.toString()));
    assertEquals(0, again[0], "nothing new to embed");
    assertEquals(first[0], again[1], "every vector reused");

    Path story = stories.resolve("millbrook-bridge.txt");
    Files.writeString(story, "\n\nThe bridge will open to cyclists first, in the spring of next year.\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    int[] changed = counts(Run.of("index", "--stories", stories.toString(), "--index", index.toString()));
    assertEquals(1, changed[0], "only the added sentence is embedded");
    assertEquals(first[0], changed[1]);

    try (StoryIndex built = StoryIndex.open(index)) {
      assertEquals(Meaning.load().embedder().modelId(), built.stats().model());
    }
    Run ask = Run.of("ask", "--json", "--index", index.toString(), "When will cyclists be able to use the bridge?");
    assertTrue(ask.out().contains("open to cyclists first"), ask.out());
    Run byWords = Run.of("ask", "--json", "--semantic=off", "--index", index.toString(),
        "When will the bridge open to cyclists?");
    assertEquals(0, byWords.exitCode(), byWords.err());
    assertTrue(byWords.out().contains("open to cyclists first"), "an index with vectors serves words alone too: "
        + byWords.out());
  }

  @Test
  void wordsAloneWhenAskedSo() throws Exception {
    Path stories = Fixtures.folder(temp.resolve("stories"));
    Path index = temp.resolve("index");
    Run run = Run.of("index", "--semantic=off", "--stories", stories.toString(), "--index", index.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(!run.out().contains("embedded"), run.out());
    try (StoryIndex built = StoryIndex.open(index)) {
      assertNull(built.stats().model());
    }
    Run bad = Run.of("index", "--semantic=maybe", "--stories", stories.toString(), "--index", index.toString());
    assertEquals(ExitCodes.USER_ERROR, bad.exitCode());
    assertTrue(bad.err().contains("--semantic must be on or off"), bad.err());
  }

  private static int[] counts(Run run) {
    assertEquals(0, run.exitCode(), run.err());
    Matcher m = COUNTS.matcher(run.out());
    assertTrue(m.find(), run.out());
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }
}
