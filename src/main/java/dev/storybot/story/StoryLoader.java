package dev.storybot.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads every story file in a folder and its subfolders ({@code .txt}, {@code .md}, {@code .json}, {@code .jsonl},
 * {@code .html}), and the stories bundled in the jar. A story's id is its file's path relative to the folder, with
 * '/' between folder names ({@code world/blinken.txt}); a {@code .jsonl} story's id is its {@code id} field, else
 * {@code file#line}. Files that cannot be read are skipped with a reason and never stop the rest; hidden files and
 * folders, and {@code <name>.meta.yml} sidecars (attribution for the story file of the same name), are not stories.
 */
public final class StoryLoader {

  /** Files larger than this are skipped unless another limit is given: no news story comes near it. */
  public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

  /** Classpath folder of the bundled stories; {@code index.txt} there lists their file names. */
  static final String BUNDLED = "/stories/";

  private StoryLoader() {}

  /**
   * Reads the story files in {@code dir} and its subfolders, skipping unreadable ones with a reason.
   *
   * @throws NoSuchFileException when the folder does not exist
   * @throws NotDirectoryException when it is not a folder
   */
  public static StoryLoad load(Path dir) throws IOException {
    return load(dir, DEFAULT_MAX_FILE_BYTES);
  }

  /**
   * As {@link #load(Path)}, skipping files larger than {@code maxFileBytes}.
   *
   * @throws IllegalArgumentException when {@code maxFileBytes} is not positive
   */
  public static StoryLoad load(Path dir, long maxFileBytes) throws IOException {
    if (!Files.exists(dir)) throw new NoSuchFileException(dir.toString(), null, "no such folder");
    if (!Files.isDirectory(dir)) throw new NotDirectoryException(dir.toString());
    StoryCollector collector = new StoryCollector(maxFileBytes);
    TreeMap<String, Path> files = FolderFiles.under(dir, name -> !StoryCollector.ignored(name),
        (name, e) -> collector.skip(name, "cannot read: " + e.getMessage()));
    for (var entry : files.entrySet()) {
      Path file = entry.getValue();
      Path sidecar = file.resolveSibling(StoryCollector.sidecarName(file.getFileName().toString()));
      collector.add(entry.getKey(), Files.size(file), () -> Files.readAllBytes(file),
          Files.isRegularFile(sidecar) ? () -> Files.readAllBytes(sidecar) : null);
    }
    return collector.result();
  }

  /**
   * The stories shipped inside the jar (the default shelf), read by the same readers as a folder.
   *
   * @throws IllegalStateException when a bundled story is missing or unreadable: a broken build, not bad input
   */
  public static List<Story> bundled() {
    StoryCollector collector = new StoryCollector(Long.MAX_VALUE);
    for (String line : new String(resource("index.txt"), StandardCharsets.UTF_8).split("\n")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) continue;
      byte[] bytes = resource(name);
      String sidecar = StoryCollector.sidecarName(name);
      boolean hasSidecar = StoryLoader.class.getResource(BUNDLED + sidecar) != null;
      collector.add(name, bytes.length, () -> bytes, hasSidecar ? () -> resource(sidecar) : null);
    }
    StoryLoad load = collector.result();
    if (!load.skipped().isEmpty()) throw new IllegalStateException("bundled stories unreadable: " + load.skipped());
    return load.stories();
  }

  private static byte[] resource(String name) {
    URL url = StoryLoader.class.getResource(BUNDLED + name);
    if (url == null) throw new IllegalStateException("bundled story missing from the jar: " + name);
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
