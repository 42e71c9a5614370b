package dev.storybot.testing;

import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one set of fixture stories (src/test/resources/stories/), copied into a test's folder and read from there by
 * the real loader. Tests derive the sentences, headlines and counts they expect from these files.
 */
public final class Fixtures {

  /**
   * The fixture files: Markdown stories with source, date (and some with byline and url) about Gaza's hostages, a
   * harbour town and a library; plain-text stories with a headline only, about a new bridge, a fire and a harvest.
   */
  public static final List<String> FILES = List.of("blinken-tel-aviv.md", "qatar-hostage-talks.md",
      "hostage-march.md", "harbour-bridge.md", "library-opening.md", "ferry-timetable.md", "fish-market.md",
      "millbrook-bridge.txt", "library-fire.txt", "orchard-harvest.txt");

  private Fixtures() {}

  /** Copies the fixture files into {@code dir} (created if need be) and returns it. */
  public static Path folder(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String name : FILES) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/stories/" + name)) {
          if (in == null) throw new IllegalStateException("no fixture src/test/resources/stories/" + name);
          Files.copy(in, dir.resolve(name));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture stories, copied into {@code dir} and read back as the bot reads them. */
  public static List<Story> stories(Path dir) {
    try {
      StoryLoad load = StoryLoader.load(folder(dir));
      if (!load.skipped().isEmpty() || load.stories().size() != FILES.size()) {
        throw new IllegalStateException("fixtures not all read: " + load);
      }
      return load.stories();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The story read from file {@code id} (story ids are file names). */
  public static Story named(List<Story> stories, String id) {
    return stories.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no story " + id + " among " + stories.stream().map(Story::id).toList()));
  }

  /** The one paragraph of {@code story} containing {@code words}. */
  public static String paragraphWith(Story story, String words) {
    List<String> found = story.paragraphs().stream().filter(p -> p.contains(words)).toList();
    if (found.size() != 1) throw new IllegalStateException(found.size() + " paragraphs of " + story.id() + " contain " + words);
    return found.get(0);
  }

  /** The ¶ number (from 1, as replies show it) of the one paragraph of {@code story} containing {@code words}. */
  public static int paragraphNumber(Story story, String words) {
    return story.paragraphs().indexOf(paragraphWith(story, words)) + 1;
  }

  /** Paragraphs of all {@code stories}: one index document each. */
  public static int paragraphs(List<Story> stories) {
    return stories.stream().mapToInt(s -> s.paragraphs().size()).sum();
  }
}
