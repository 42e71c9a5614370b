package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.IndexStats;
import dev.storybot.index.StoryIndex;
import dev.storybot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `storybot index` killed (SIGKILL, in a child JVM) while it rebuilds an index over a large folder: the index it was
 * replacing still opens with the same counts and answers; the next build succeeds despite the stale lock file.
 */
class IndexCrashTest {

  private static final String QUESTION = "How much will the harbor bridge cost?";
  @TempDir Path temp;

  @Test
  void aBuildKilledHalfwayLeavesThePreviousIndexServing() throws Exception {
    Path index = temp.resolve("index");
    Path good = Fixtures.folder(temp.resolve("stories"));
    assertEquals(ExitCodes.OK, Run.of("index", "--stories", good.toString(), "--index", index.toString()).exitCode());
    IndexStats before;
    try (StoryIndex built = StoryIndex.open(index)) {
      before = built.stats();
    }
    Set<String> committed = files(index);

    Path big = largeFolder(temp.resolve("big"), 2_500);
    Process child = childIndex(big, index);
    try {
      // Mid-build is when the writer has flushed a segment of its own: new files beside the committed ones.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!flushedSegment(index, committed)) {
        assertTrue(System.nanoTime() < deadline, "the child never flushed a segment");
        assertTrue(!child.waitFor(20, TimeUnit.MILLISECONDS), "the child finished before it could be killed: "
            + Files.readString(temp.resolve("child.err")));
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }

    try (StoryIndex reopened = StoryIndex.open(index)) {
      assertEquals(before, reopened.stats(), "same commit, same counts");
    }
    Run ask = Run.of("ask", "--index", index.toString(), QUESTION);
    assertEquals(ExitCodes.OK, ask.exitCode(), ask.err());
    assertTrue(ask.out().contains("48 million dollars"), ask.out());

    Run again = Run.of("index", "--stories", good.toString(), "--index", index.toString());
    assertEquals(ExitCodes.OK, again.exitCode(), "the dead writer's lock does not block the next build: " + again.err());
  }

  private Process childIndex(Path stories, Path index) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.storybot.cli.StorybotCommand",
        "index", "--stories", stories.toString(), "--index", index.toString());
    pb.redirectError(temp.resolve("child.err").toFile());
    pb.redirectOutput(temp.resolve("child.out").toFile());
    return pb.start();
  }

  private static boolean flushedSegment(Path index, Set<String> committed) throws IOException {
    Set<String> now = files(index);
    now.removeAll(committed);
    return now.stream().anyMatch(f -> f.startsWith("_") && !f.endsWith(".tmp"));
  }

  private static Set<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return new HashSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  /** {@code n} generated stories of 30 paragraphs each: enough text for the writer to flush before it commits. */
  static Path largeFolder(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(42);
    List<String> words = List.of("harbour", "council", "budget", "library", "river", "orchard", "minister", "storm",
        "bridge", "school", "market", "railway", "festival", "museum", "factory", "election", "harvest", "tunnel");
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder("Generated story " + i + "\n\n");
      for (int p = 0; p < 30; p++) {
        for (int w = 0; w < 60; w++) b.append(words.get(r.nextInt(words.size()))).append(w % 12 == 11 ? ". " : " ");
        b.append("n").append(i).append('p').append(p).append(".\n\n");
      }
      Files.writeString(dir.resolve("s" + i + ".txt"), b);
    }
    return dir;
  }
}
