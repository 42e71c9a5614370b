package dev.storybot.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every story file in a folder, and the stories bundled in the jar. */
public final class StoryLoader {

  /** Classpath folder of the bundled stories; {@code index.txt} there lists their file names. */
  static final String BUNDLED = "/stories/";

  private StoryLoader() {}

  /**
   * Reads the story files directly in {@code dir} (not its subfolders), skipping unreadable ones with a reason.
   *
   * @throws NoSuchFileException when the folder does not exist
   * @throws NotDirectoryException when it is not a folder
   */
  public static StoryLoad load(Path dir) throws IOException {
    if (!Files.exists(dir)) throw new NoSuchFileException(dir.toString(), null, "no such folder");
    if (!Files.isDirectory(dir)) throw new NotDirectoryException(dir.toString());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    List<Story> stories = new ArrayList<>();
    List<StoryLoad.Skipped> skipped = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.startsWith(".") || name.endsWith(".meta.yml")) continue;
      if (!name.endsWith(".txt")) {
        skipped.add(new StoryLoad.Skipped(name, "unsupported format"));
        continue;
      }
      try {
        stories.add(TextStories.parse(stem(name), Files.readString(f, StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        skipped.add(new StoryLoad.Skipped(name, String.valueOf(e.getMessage())));
      }
    }
    return new StoryLoad(stories, skipped);
  }

  /** The stories shipped inside the jar (the default shelf). */
  public static List<Story> bundled() {
    List<Story> stories = new ArrayList<>();
    for (String name : resource("index.txt").split("\n")) {
      if (name.isBlank()) continue;
      stories.add(TextStories.parse(stem(name.strip()), resource(name.strip())));
    }
    return stories;
  }

  private static String resource(String name) {
    try (InputStream in = StoryLoader.class.getResourceAsStream(BUNDLED + name)) {
      if (in == null) throw new IllegalStateException("bundled story missing from the jar: " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
