package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.Scrape;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `serve` with SOLR_URL: answers from the Solr alias, builds it from STORIES_DIR when it is missing, rebuilds it when
 * the folder changes while questions keep being answered, and /healthz and /metrics report the generation. With
 * meaning (SEMANTIC=on) it adds the stories' vectors to the alias, keeping them in INDEX_DIR for the next rebuild.
 */
@ExtendWith(SolrClusterExtension.class)
class SolrServeTest {

  static final String ALIAS = "serve_solr";
  private static final Duration RELOAD_DEADLINE = Duration.ofSeconds(60);
  private static final String OLD_QUESTION = "How many cables did the engineers replace?";
  private static final String OLD_QUOTE = "forty steel cables";
  private static final String NEW_QUESTION = "How many steps did Agnes Thorvald climb at the lighthouse?";
  private static final String NEW_QUOTE = "two hundred and twelve steps";

  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();
  @TempDir Path stories;
  SolrCluster solr;

  @BeforeEach
  void setUp(SolrCluster cluster) throws Exception {
    solr = cluster;
    solr.dropAlias(ALIAS);
    Fixtures.folder(stories);
  }

  @AfterEach
  void drop() throws Exception {
    solr.dropAlias(ALIAS);
  }

  @Test
  void buildsTheAliasFromTheFolderAnswersFromItAndRebuildsItWhenTheFolderChanges() throws Exception {
    try (ServeRun run = serve()) {
      JsonNode h = run.health();
      long first = h.path("generation").asLong();
      assertTrue(first >= 1, h.toString());
      assertEquals(Fixtures.FILES.size(), h.path("stories").asInt(), h.toString());
      assertEquals(200, run.command(OLD_QUESTION, "old").statusCode());
      assertTrue(run.reply("old").toString().contains(OLD_QUOTE), run.reply("old").toString());

      AtomicBoolean asking = new AtomicBoolean(true);
      CompletableFuture<List<String>> stream = CompletableFuture.supplyAsync(() -> askUntilStopped(run, asking));
      copy("lighthouse-keeper.txt", stories.resolve("lighthouse-keeper.txt"));
      h = run.awaitHealth(n -> n.path("generation").asLong() > first, RELOAD_DEADLINE);
      asking.set(false);
      assertEquals("ok", h.path("reload").path("result").asText(), h.toString());
      assertEquals(Fixtures.FILES.size() + 1, h.path("stories").asInt(), h.toString());
      List<String> asked = stream.get();
      for (String id : asked) {
        assertTrue(run.reply(id).toString().contains(OLD_QUOTE), "answered during the rebuild: " + run.reply(id));
      }
      assertEquals(200, run.command(NEW_QUESTION, "new").statusCode());
      assertTrue(run.reply("new").toString().contains(NEW_QUOTE), run.reply("new").toString());
      Scrape m = new Scrape(run.get("/metrics").body());
      assertEquals(h.path("generation").asLong(), (long) m.sum("storybot_index_generation"), m.text());
      assertEquals(Fixtures.FILES.size() + 1, m.sum("storybot_index_stories"));
    }
  }

  @Test
  void aSecondServeOnTheSameAliasAndFolderBuildsNothing() throws Exception {
    long generation;
    try (ServeRun run = serve()) {
      generation = run.health().path("generation").asLong();
    }
    try (ServeRun run = serve()) {
      JsonNode h = run.health();
      assertEquals(generation, h.path("generation").asLong(), "the alias was reused as it was: " + h);
      assertEquals(200, run.command(OLD_QUESTION, "again").statusCode());
      assertTrue(run.reply("again").toString().contains(OLD_QUOTE), run.reply("again").toString());
    }
  }

  @Test
  void withMeaningTheAliasGainsVectorsKeptInIndexDirAndIsAnsweredByMeaningWithoutTheFolder() throws Exception {
    Path index = stories.resolveSibling(stories.getFileName() + "-index");
    long generation;
    try (ServeRun run = serve(Config.SEMANTIC, "on", Config.INDEX_DIR, index.toString())) {
      JsonNode h = run.awaitHealth(n -> n.path("meaning").path("state").asText().equals("on"), RELOAD_DEADLINE);
      generation = h.path("generation").asLong();
      assertEquals(200, run.command(OLD_QUESTION, "meaning").statusCode());
      assertTrue(run.reply("meaning").toString().contains(OLD_QUOTE), run.reply("meaning").toString());
    }
    assertTrue(Files.isDirectory(index.resolve("vectors")), "the vectors are kept in INDEX_DIR/vectors");
    assertTrue(!Files.exists(index.resolve("segments_1")), "no embedded index is written beside Solr");
    try (ServeRun again = new ServeRun(stub, Config.SOLR_URL, String.join(",", solr.nodeUrls()),
        Config.SOLR_COLLECTION, ALIAS, Config.SEMANTIC, "on")) {
      JsonNode h = again.health();
      assertEquals("on", h.path("meaning").path("state").asText(), "by meaning from the start: " + h);
      assertEquals(generation, h.path("generation").asLong(), h.toString());
    }
    try (ServeRun off = new ServeRun(stub, Config.SOLR_URL, String.join(",", solr.nodeUrls()),
        Config.SOLR_COLLECTION, ALIAS)) {
      assertEquals("off", off.health().path("meaning").path("state").asText());
      assertEquals(200, off.command(OLD_QUESTION, "words").statusCode());
      assertTrue(off.reply("words").toString().contains(OLD_QUOTE), off.reply("words").toString());
    }
  }

  @Test
  void withoutAFolderAMissingAliasStopsServeSayingWhatToDo() throws Exception {
    ServeRunFailure failure = ServeRunFailure.of(stub, Config.SOLR_URL, String.join(",", solr.nodeUrls()),
        Config.SOLR_COLLECTION, ALIAS);
    assertEquals(ExitCodes.USER_ERROR, failure.exitCode());
    assertTrue(failure.err().contains("SOLR_URL: Solr at") && failure.err().contains("storybot index --stories DIR"),
        failure.err());
  }

  private ServeRun serve(String... more) throws Exception {
    List<String> env = new ArrayList<>(List.of(Config.STORIES_DIR, stories.toString(), Config.SOLR_URL,
        String.join(",", solr.nodeUrls()), Config.SOLR_COLLECTION, ALIAS));
    env.addAll(List.of(more));
    return new ServeRun(stub, env.toArray(String[]::new));
  }

  private static List<String> askUntilStopped(ServeRun run, AtomicBoolean asking) {
    List<String> ids = new ArrayList<>();
    try {
      while (asking.get() || ids.size() < 2) {
        String id = "q" + ids.size();
        int status = run.command(OLD_QUESTION, id).statusCode();
        if (status != 200) throw new AssertionError("question " + id + " got HTTP " + status);
        ids.add(id);
        run.reply(id);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return ids;
  }

  private static void copy(String resource, Path to) throws Exception {
    Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
    try (InputStream in = SolrServeTest.class.getResourceAsStream("/ops/" + resource)) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
