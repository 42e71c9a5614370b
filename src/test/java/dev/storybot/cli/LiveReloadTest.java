package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.Scrape;
import dev.storybot.testing.SlackApiStub;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `serve` with STORIES_DIR picks up added, changed and broken story files while it answers. */
class LiveReloadTest {

  private static final String OLD_QUESTION = "How many cables did the engineers replace?";
  private static final String OLD_QUOTE = "forty steel cables";
  private static final String NEW_QUESTION = "How many steps did Agnes Thorvald climb at the lighthouse?";
  private static final String NEW_QUOTE = "two hundred and twelve steps";
  private static final Duration RELOAD_DEADLINE = Duration.ofSeconds(30);
  /** The fixtures and the lighthouse keeper's story. */
  private static final int STORIES = Fixtures.FILES.size() + 1;

  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();
  @TempDir Path stories;

  @BeforeEach
  void copyStories() {
    Fixtures.folder(stories);
  }

  @Test
  void anAddedStoryIsAnswerableAfterTheReloadAndNoQuestionFailsMeanwhile() throws Exception {
    try (ServeRun run = new ServeRun(stub, Config.STORIES_DIR, stories.toString())) {
      long before = run.health().path("generation").asLong();
      AtomicBoolean asking = new AtomicBoolean(true);
      CompletableFuture<List<String>> stream = CompletableFuture.supplyAsync(() -> askUntilStopped(run, asking));

      copy("lighthouse-keeper.txt", stories.resolve("lighthouse-keeper.txt"));
      JsonNode h = run.awaitHealth(n -> n.path("generation").asLong() > before, RELOAD_DEADLINE);
      asking.set(false);

      assertEquals("ok", h.path("reload").path("result").asText(), h.toString());
      assertEquals(STORIES, h.path("stories").asInt(), h.toString());
      List<String> asked = stream.get();
      assertTrue(asked.size() >= 2, "questions kept coming during the reload: " + asked.size());
      for (String id : asked) {
        String reply = run.reply(id).toString();
        assertTrue(reply.contains(OLD_QUOTE), "question " + id + " answered during the reload: " + reply);
      }
      assertEquals(200, run.command(NEW_QUESTION, "new").statusCode());
      assertTrue(run.reply("new").toString().contains(NEW_QUOTE), run.reply("new").toString());
    }
  }

  @Test
  void aBrokenReplacementKeepsTheOldStoryAndIsReported() throws Exception {
    Path file = stories.resolve("lighthouse-keeper.txt");
    copy("lighthouse-keeper.txt", file);
    try (ServeRun run = new ServeRun(stub, Config.STORIES_DIR, stories.toString())) {
      long before = run.health().path("generation").asLong();
      Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x41});  // not UTF-8 text
      JsonNode h = run.awaitHealth(n -> n.path("reload").path("result").asText().equals("partial"), RELOAD_DEADLINE);

      JsonNode reload = h.path("reload");
      assertEquals("lighthouse-keeper.txt", reload.path("skipped").get(0).path("file").asText(), h.toString());
      assertEquals("not UTF-8 text", reload.path("skipped").get(0).path("reason").asText());
      assertEquals("lighthouse-keeper.txt", reload.path("kept").get(0).asText());
      assertTrue(h.path("generation").asLong() > before, h.toString());
      assertEquals(STORIES, h.path("stories").asInt(), "the broken file's story stays: " + h);
      assertEquals(200, run.command(NEW_QUESTION, "kept").statusCode());
      assertTrue(run.reply("kept").toString().contains(NEW_QUOTE), run.reply("kept").toString());
      Scrape m = new Scrape(run.get("/metrics").body());
      assertEquals(1, m.sum("storybot_index_reloads_seconds_count", "result", "partial"), m.text());
      assertEquals(1, m.sum("storybot_index_reload_skipped_files"));
      assertEquals(STORIES, m.sum("storybot_index_stories"));

      // Fixed again: the new version replaces the kept one.
      long broken = h.path("generation").asLong();
      copy("lighthouse-keeper-revised.txt", file);
      h = run.awaitHealth(n -> n.path("generation").asLong() > broken
          && n.path("reload").path("result").asText().equals("ok"), RELOAD_DEADLINE);
      assertEquals(0, h.path("reload").path("kept").size(), h.toString());
      assertEquals(200, run.command("Where did Thorvald hand the brass keys?", "fixed").statusCode());
      assertTrue(run.reply("fixed").toString().contains("maritime archive"), run.reply("fixed").toString());
    }
  }

  @Test
  void aBuiltIndexOlderThanTheFolderIsRebuiltFromItAtStartAndOnDisk(@TempDir Path index) throws Exception {
    assertEquals(0, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
    copy("lighthouse-keeper.txt", stories.resolve("lighthouse-keeper.txt"));  // added while storybot was down
    try (ServeRun run = new ServeRun(stub, Config.INDEX_DIR, index.toString(), Config.STORIES_DIR, stories.toString())) {
      JsonNode h = run.awaitHealth(n -> n.path("stories").asInt() == STORIES, RELOAD_DEADLINE);
      assertEquals("ok", h.path("reload").path("result").asText(), h.toString());
      assertEquals(200, run.command(NEW_QUESTION, "disk").statusCode());
      assertTrue(run.reply("disk").toString().contains(NEW_QUOTE), run.reply("disk").toString());
    }
    assertTrue(Run.of("ask", "--index", index.toString(), NEW_QUESTION).out().contains("every evening since 1985"),
        "the rebuilt index was written to INDEX_DIR");
  }

  private static List<String> askUntilStopped(ServeRun run, AtomicBoolean asking) {
    List<String> ids = new ArrayList<>();
    try {
      while (asking.get() || ids.size() < 2) {
        String id = "q" + ids.size();
        int status = run.command(OLD_QUESTION, id).statusCode();
        if (status != 200) throw new AssertionError("question " + id + " got HTTP " + status);
        ids.add(id);
        run.reply(id);  // one at a time: each answered before the next is asked
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return ids;
  }

  private static void copy(String resource, Path to) throws Exception {
    Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");  // hidden while written, then moved in whole
    try (InputStream in = LiveReloadTest.class.getResourceAsStream("/ops/" + resource)) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
