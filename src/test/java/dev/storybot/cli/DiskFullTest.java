package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.config.Config;
import dev.storybot.index.IndexStats;
import dev.storybot.index.StoryIndex;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.Scrape;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SmallDisk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index on a disk that fills up — a real 2 MB tmpfs, filled to its last pages: `storybot index` stops with exit
 * 2 and a message naming the folder, the space left and what to do, and leaves no half-written file behind; a live
 * reload fails the same way while the bot answers from the previous index, and tries again on its own once there
 * is room.
 */
class DiskFullTest {

  private static final String OLD_QUESTION = "How many cables did the engineers replace?";
  private static final String OLD_QUOTE = "forty steel cables";
  private static final String NEW_QUESTION = "How many steps did Agnes Thorvald climb at the lighthouse?";
  private static final String NEW_QUOTE = "two hundred and twelve steps";
  /** Less than the smallest index of the fixtures needs. */
  private static final long LEFT = 8 * 1024;

  @TempDir Path temp;
  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();

  @Test
  void indexOntoAFullDiskExitsTwoSayingWhatToDoAndLeavesNothingBehind() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(temp.resolve("disk"), "2m")) {
      Path index = disk.dir().resolve("index");
      Path stories = Fixtures.folder(temp.resolve("stories"));
      assertEquals(ExitCodes.OK, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
      IndexStats before = stats(index);
      Set<String> committed = files(index);
      Path filler = disk.fill("filler", LEFT);

      Run full = Run.of("index", "--stories", stories.toString(), "--index", index.toString());

      assertEquals(ExitCodes.USER_ERROR, full.exitCode(), full.err());
      String err = full.err().strip();
      assertTrue(err.startsWith("storybot: cannot write the index in " + index + ": the disk is full ("), err);
      assertTrue(err.matches("(?s).*\\(\\d+\\.\\d KB free of 2\\.0 MB\\).*"), err);
      assertTrue(err.endsWith("free space on that disk, or move the index folder to a larger one; then run"
          + " `storybot index` again"), err);
      assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
      assertEquals(committed, files(index), "nothing half-written is left");
      assertEquals(before, stats(index), "the previous index is intact");
      Run ask = Run.of("ask", "--index", index.toString(), OLD_QUESTION);
      assertTrue(ask.out().contains("forty steel"), ask.out() + ask.err());

      Files.delete(filler);
      assertEquals(ExitCodes.OK, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
    }
  }

  @Test
  void aReloadOntoAFullDiskKeepsThePreviousIndexAnsweringAndTriesAgainOnItsOwn() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(temp.resolve("disk"), "2m")) {
      Path index = disk.dir().resolve("index");
      Path stories = Fixtures.folder(temp.resolve("stories"));
      assertEquals(ExitCodes.OK, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
      try (ServeRun run = new ServeRun(stub, Config.INDEX_DIR, index.toString(), Config.STORIES_DIR, stories.toString())) {
        long generation = run.health().path("generation").asLong();
        Set<String> committed = files(index);
        Path filler = disk.fill("filler", LEFT);
        copy("lighthouse-keeper.txt", stories.resolve("lighthouse-keeper.txt"));

        JsonNode failed = run.awaitHealth(h -> h.path("reload").path("result").asText().equals("failed"),
            Duration.ofSeconds(30)).path("reload");
        String error = failed.path("error").asText();
        assertTrue(error.startsWith("cannot write the index in " + index + ": the disk is full ("), error);
        assertTrue(error.contains("free of 2.0 MB") && error.contains("free space on that disk"), error);
        assertEquals(generation, failed.path("generation").asLong(), "still the previous commit");
        assertEquals(committed, files(index), "nothing half-written is left");
        assertEquals(200, run.command(OLD_QUESTION, "old").statusCode());
        assertTrue(run.reply("old").toString().contains(OLD_QUOTE), "answered from the previous index");
        assertTrue(new Scrape(run.get("/metrics").body()).sum("storybot_index_reloads_seconds_count", "result", "failed") >= 1);

        Files.delete(filler);  // room again; the stories folder does not change
        JsonNode ok = run.awaitHealth(h -> h.path("reload").path("result").asText().equals("ok")
            && h.path("generation").asLong() > generation, Duration.ofSeconds(30));
        assertEquals(Fixtures.FILES.size() + 1, ok.path("stories").asInt(), ok.toString());
        assertEquals(200, run.command(NEW_QUESTION, "new").statusCode());
        assertTrue(run.reply("new").toString().contains(NEW_QUOTE), run.reply("new").toString());
      }
    }
  }

  private static IndexStats stats(Path index) throws IOException {
    try (StoryIndex built = StoryIndex.open(index)) {
      return built.stats();
    }
  }

  // The index's files, bar the write lock (which a writer may create and leave empty).
  private static Set<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).filter(f -> !f.equals("write.lock")).toList());
    }
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = DiskFullTest.class.getResourceAsStream("/ops/" + resource)) {
      Files.copy(in, to);
    }
  }
}
