package dev.storybot.testing;

import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every story folder of the test resources, read as one shelf: varied formats, sources, dates and names. */
public final class TestStories {

  /** Test story folders, each copied under its own name so that story ids cannot collide. */
  public static final List<String> FOLDERS = List.of("stories", "eval/stories", "stories-fixtures/formats", "ops",
      "quotes/stories");

  private TestStories() {}

  /** The stories of every folder, copied under {@code dir} and read by the real loader (which skips the odd ones). */
  public static List<Story> all(Path dir) throws IOException {
    Path shelf = dir.resolve("test-stories");
    for (String folder : FOLDERS) copy(resource(folder), shelf.resolve(folder.replace('/', '-')));
    StoryLoad load = StoryLoader.load(shelf);
    if (load.stories().size() < 20) throw new IllegalStateException("too few test stories: " + load);
    return load.stories();
  }

  private static Path resource(String folder) {
    try {
      var url = TestStories.class.getResource("/" + folder);
      if (url == null) throw new IllegalStateException("no test resource folder " + folder);
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path copy = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(copy);
        else Files.copy(f, copy);
      }
    }
  }
}
