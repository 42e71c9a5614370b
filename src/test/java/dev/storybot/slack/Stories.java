package dev.storybot.slack;

import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real story files for tests: the fixtures in src/test/resources/slack/stories/, copied into a temp folder and read. */
public final class Stories {

  /** The fixture files. */
  public static final List<String> FILES = List.of("harbour-bridge.txt", "library-opening.txt");

  private Stories() {}

  /** Copies the fixtures into {@code dir} and reads them back as the bot would. */
  public static List<Story> fixtures(Path dir) throws IOException {
    for (String name : FILES) {
      try (InputStream in = Stories.class.getResourceAsStream("/slack/stories/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    StoryLoad load = StoryLoader.load(dir);
    if (!load.skipped().isEmpty()) throw new IllegalStateException("fixtures skipped: " + load.skipped());
    return load.stories();
  }

  /** The story read from {@code file} (story ids are file names). */
  public static Story named(List<Story> stories, String file) {
    return stories.stream().filter(s -> s.id().equals(file)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no story " + file + " among " + stories.stream().map(Story::id).toList()));
  }

  /** The one paragraph of {@code story} containing {@code words}. */
  public static String paragraphWith(Story story, String words) {
    List<String> found = story.paragraphs().stream().filter(p -> p.contains(words)).toList();
    if (found.size() != 1) throw new IllegalStateException(found.size() + " paragraphs contain " + words);
    return found.get(0);
  }

}
