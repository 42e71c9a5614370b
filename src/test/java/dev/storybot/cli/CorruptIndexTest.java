package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An index folder damaged on disk — a segment file cut short or garbled, the commit point garbled, a file gone —
 * makes `ask --index` and `serve` with INDEX_DIR fail with a message naming the folder and the command that
 * rebuilds it: never a silent "not found", never a stack trace.
 */
class CorruptIndexTest {

  /** Ways a folder gets damaged. */
  enum Damage { TRUNCATE_SEGMENT, GARBLE_SEGMENT, GARBLE_COMMIT, DELETE_SEGMENT }

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedIndexIsAClearErrorWithTheRebuildCommand(Damage damage) throws Exception {
    Path index = temp.resolve("index");
    Path stories = Fixtures.folder(temp.resolve("stories"));
    assertEquals(ExitCodes.OK, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
    damage(index, damage);

    Run ask = Run.of("ask", "--index", index.toString(), "How much will the harbor bridge cost?");
    assertEquals(ExitCodes.USER_ERROR, ask.exitCode(), damage + ": " + ask.out() + ask.err());
    assertEquals("", ask.out(), "no answer, not even a not-found");
    assertTrue(ask.err().contains("the index in " + index + " is unreadable"), ask.err());
    assertTrue(ask.err().contains("storybot index --stories DIR --index " + index), ask.err());
    assertFalse(ask.err().contains("\tat "), "no stack trace: " + ask.err());

    try (SlackApiStub stub = SlackApiStub.start()) {
      ServeRunFailure serve = ServeRunFailure.of(stub, Config.INDEX_DIR, index.toString());
      assertEquals(ExitCodes.USER_ERROR, serve.exitCode(), damage + ": " + serve.err());
      assertTrue(serve.err().contains("INDEX_DIR") && serve.err().contains(index.toString())
          && serve.err().contains("storybot index --stories DIR --index " + index), serve.err());
    }
  }

  private static void damage(Path index, Damage damage) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(index)) {
      files = s.sorted().toList();
    }
    Path commit = files.stream().filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
    // The biggest file of the segment holds its postings or stored text.
    Path segment = files.stream().filter(f -> f.getFileName().toString().startsWith("_"))
        .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
    switch (damage) {
      case TRUNCATE_SEGMENT -> {
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
          f.setLength(f.length() / 2);
        }
      }
      case GARBLE_SEGMENT -> garble(segment);
      case GARBLE_COMMIT -> garble(commit);
      case DELETE_SEGMENT -> Files.delete(segment);
    }
  }

  // Flips bytes across the whole file, header and footer included, as a bad disk would.
  private static void garble(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0; i < bytes.length; i += 7) bytes[i] ^= 0x5A;
    Files.write(file, bytes);
  }
}
