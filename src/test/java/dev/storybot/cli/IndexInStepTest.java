package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.config.Config;
import dev.storybot.index.StoryIndex;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `serve` with INDEX_DIR and STORIES_DIR answers from the stories the folder holds, never from an index built from
 * other ones: the index records which files it was built from, and a folder that differs — older files included —
 * is indexed again before the first answer.
 */
class IndexInStepTest {

  private static final String NEW_QUESTION = "How many steps did Agnes Thorvald climb at the lighthouse?";
  private static final String NEW_QUOTE = "two hundred and twelve steps";
  private static final String GONE_QUESTION = "How many cables did the engineers replace?";
  private static final String GONE_QUOTE = "forty steel cables";
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();
  @TempDir Path stories;
  @TempDir Path index;

  @BeforeEach
  void indexTheFixtures() {
    Fixtures.folder(stories);
    assertEquals(0, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
  }

  @Test
  void otherStoriesOlderThanTheIndexAreIndexedBeforeTheFirstAnswer() throws Exception {
    // An archive last changed long before the index was built is mounted in place of the folder it was built from.
    Files.delete(stories.resolve("harbour-bridge.md"));
    copy("lighthouse-keeper.txt", stories.resolve("lighthouse-keeper.txt"));
    touchEverything(stories, LONG_AGO);

    try (ServeRun run = new ServeRun(stub, Config.INDEX_DIR, index.toString(), Config.STORIES_DIR, stories.toString())) {
      JsonNode h = run.health();  // serve is started: the shelf is in
      assertEquals("ok", h.path("status").asText(), h.toString());
      assertEquals(Fixtures.FILES.size(), h.path("stories").asInt(), "one story gone, one added: " + h);
      assertEquals(200, run.command(NEW_QUESTION, "new").statusCode());
      assertTrue(run.reply("new").toString().contains(NEW_QUOTE), run.reply("new").toString());
      assertEquals(200, run.command(GONE_QUESTION, "gone").statusCode());
      assertFalse(run.reply("gone").toString().contains(GONE_QUOTE), "the deleted story is gone too");
    }
    assertTrue(Run.of("ask", "--index", index.toString(), NEW_QUESTION).out().contains("every evening since 1985"),
        "the index was rebuilt in INDEX_DIR");
  }

  @Test
  void theSameFilesTouchedToAnyTimeOpenTheIndexAsItIs() throws Exception {
    long built;
    try (StoryIndex i = StoryIndex.open(index)) {
      built = i.stats().generation();
    }
    touchEverything(stories, LONG_AGO);
    try (ServeRun run = new ServeRun(stub, Config.INDEX_DIR, index.toString(), Config.STORIES_DIR, stories.toString())) {
      JsonNode h = run.health();
      assertEquals(built, h.path("generation").asLong(), "not rebuilt at start: " + h);
      assertEquals(Fixtures.FILES.size(), h.path("stories").asInt());
    }
  }

  @Test
  void anEmptyIndexFolderIsBuiltFromTheStoriesAtStart(@TempDir Path empty) throws Exception {
    copy("lighthouse-keeper.txt", stories.resolve("lighthouse-keeper.txt"));
    try (ServeRun run = new ServeRun(stub, Config.INDEX_DIR, empty.toString(), Config.STORIES_DIR, stories.toString())) {
      assertEquals(Fixtures.FILES.size() + 1, run.health().path("stories").asInt());
    }
    try (StoryIndex i = StoryIndex.open(empty)) {
      assertEquals(Fixtures.FILES.size() + 1, i.stats().stories(), "written to INDEX_DIR");
    }
  }

  private static void touchEverything(Path dir, FileTime time) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.toList()) Files.setLastModifiedTime(p, time);
    }
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = IndexInStepTest.class.getResourceAsStream("/ops/" + resource)) {
      Files.copy(in, to);
    }
  }
}
