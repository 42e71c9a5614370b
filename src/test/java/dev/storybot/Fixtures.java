package dev.storybot;

import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test story files (src/test/resources/stories) copied into a test's temporary folder, and read from there. */
public final class Fixtures {

  private Fixtures() {}

  /** Copies the test stories into {@code tempDir}/stories and returns that folder. */
  public static Path storyFolder(Path tempDir) {
    try {
      Path from = Path.of(Fixtures.class.getResource("/stories").toURI());
      Path to = Files.createDirectories(tempDir.resolve("stories"));
      try (Stream<Path> files = Files.list(from)) {
        for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The test stories, read by the real loader from a copy in {@code tempDir}. */
  public static List<Story> stories(Path tempDir) {
    try {
      StoryLoad load = StoryLoader.load(storyFolder(tempDir));
      if (load.stories().size() < 3) throw new IllegalStateException("test stories missing: " + load);
      return load.stories();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
