package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `serve` with meaning (SEMANTIC=on, the default): it answers by words at once, embeds the stories in the background,
 * says so on /healthz, and answers by meaning once the vectors are in; with INDEX_DIR the vectors stay beside it.
 */
class SemanticServeTest {

  private static final Duration EMBEDDED = Duration.ofSeconds(60);

  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();
  @TempDir Path temp;

  @Test
  void aStoriesFolderIsAnsweredByWordsAtOnceAndByMeaningOnceEmbedded() throws Exception {
    Path stories = Fixtures.folder(temp.resolve("stories"));
    try (ServeRun run = new ServeRun(stub, Config.STORIES_DIR, stories.toString(), Config.SEMANTIC, "on")) {
      String state = run.health().path("meaning").path("state").asText();
      assertTrue(state.equals("embedding") || state.equals("on"), run.health().toString());
      JsonNode h = run.awaitHealth(n -> n.path("meaning").path("state").asText().equals("on"), EMBEDDED);
      assertEquals(Fixtures.FILES.size(), h.path("stories").asInt(), h.toString());
      assertEquals(200, run.command("How many cables did the engineers replace?", "c1").statusCode());
      assertTrue(run.reply("c1").toString().contains("forty steel cables"), run.reply("c1").toString());
    }
  }

  @Test
  void anIndexOfWordsGainsMeaningAndKeepsItsVectorsAcrossRestarts() throws Exception {
    Path stories = Fixtures.folder(temp.resolve("stories"));
    Path index = temp.resolve("index");
    assertEquals(0, Run.of("index", "--semantic=off", "--stories", stories.toString(), "--index", index.toString())
        .exitCode());
    try (ServeRun run = new ServeRun(stub, Config.STORIES_DIR, stories.toString(), Config.INDEX_DIR, index.toString(),
        Config.SEMANTIC, "on")) {
      run.awaitHealth(n -> n.path("meaning").path("state").asText().equals("on"), EMBEDDED);
    }
    assertTrue(Files.isDirectory(index.resolve("vectors")), "the vectors are kept in INDEX_DIR");
    try (ServeRun again = new ServeRun(stub, Config.INDEX_DIR, index.toString(), Config.SEMANTIC, "on")) {
      assertEquals("on", again.health().path("meaning").path("state").asText(), "by meaning from the start");
    }
    try (ServeRun off = new ServeRun(stub, Config.INDEX_DIR, index.toString(), Config.SEMANTIC, "off")) {
      assertEquals("off", off.health().path("meaning").path("state").asText());
    }
  }
}
