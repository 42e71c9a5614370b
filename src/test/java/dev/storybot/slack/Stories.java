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
  /** A shelf of stories with sources and dates (src/test/resources/slack/shelf/), for filters and listings. */
  public static final List<String> SHELF = List.of("blinken-tel-aviv.md", "qatar-hostage-talks.md", "hostage-march.md",
      "harbour-bridge.md", "library-garden.md", "ferry-timetable.md", "fish-market.md");

  private Stories() {}

  /** Copies the fixtures into {@code dir} and reads them back as the bot would. */
  public static List<Story> fixtures(Path dir) throws IOException {
    return copyAndRead("/slack/stories/", FILES, dir);
  }

  /** Copies the {@link #SHELF} stories into {@code dir} and reads them back as the bot would. */
  public static List<Story> shelf(Path dir) throws IOException {
    return copyAndRead("/slack/shelf/", SHELF, dir);
  }

  /** Copies the {@link #SHELF} stories into a new folder {@code dir} and returns it, for the command line. */
  public static Path shelfFolder(Path dir) throws IOException {
    Files.createDirectories(dir);
    shelf(dir);
    return dir;
  }

  private static List<Story> copyAndRead(String folder, List<String> files, Path dir) throws IOException {
    for (String name : files) {
      try (InputStream in = Stories.class.getResourceAsStream(folder + name)) {
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
