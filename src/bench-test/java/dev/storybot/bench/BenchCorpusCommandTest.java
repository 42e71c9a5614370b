package dev.storybot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.cli.ExitCodes;
import dev.storybot.cli.Run;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCorpusCommandTest {

  @TempDir Path temp;

  @Test
  void writesTheCorpusAndSaysWhat() throws IOException {
    Run run = Run.of("bench", "corpus", "--paragraphs", "300", "--out", temp.resolve("c").toString(), "--seed", "5");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("wrote 300 paragraphs in "), run.out());
    assertEquals(300, StoryLoader.load(temp.resolve("c")).paragraphCount());
  }

  @Test
  void aNonEmptyFolderIsAUserError() throws IOException {
    Files.writeString(temp.resolve("keep.txt"), "mine");
    Run run = Run.of("bench", "corpus", "--paragraphs", "10", "--out", temp.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("is not empty: give --out a new or empty folder"), run.err());
  }
}
