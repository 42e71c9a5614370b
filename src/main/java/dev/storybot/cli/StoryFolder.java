package dev.storybot.cli;

import dev.storybot.answer.Texts;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads a `--stories` folder for a subcommand, turning every way it can be unusable into a message saying what to do. */
final class StoryFolder {

  static final String FORMATS = ".txt, .md, .json, .jsonl or .html";

  private StoryFolder() {}

  /** The stories in {@code dir}; at least one, else a {@link ExitCodes.UserException}. */
  static StoryLoad load(Path dir) {
    return load(dir, StoryLoader.DEFAULT_MAX_FILE_BYTES);
  }

  /** As {@link #load(Path)}, skipping files larger than {@code maxFileBytes}. */
  static StoryLoad load(Path dir, long maxFileBytes) {
    StoryLoad load;
    try {
      load = StoryLoader.load(dir, maxFileBytes);
    } catch (NoSuchFileException e) {
      throw new ExitCodes.UserException("no folder " + dir + ": give --stories a folder of story files (" + FORMATS + ")");
    } catch (NotDirectoryException e) {
      throw new ExitCodes.UserException(dir + " is a file, not a folder: give --stories the folder that holds it");
    } catch (IOException e) {
      throw new ExitCodes.UserException("cannot read " + dir + " (" + e.getMessage() + "): check its permissions");
    }
    if (load.stories().isEmpty()) {
      String why = load.skipped().isEmpty() ? " (it is empty)" : "; " + skippedSummary(load);
      throw new ExitCodes.UserException("no readable stories in " + dir + ": add story files (" + FORMATS + ") and try"
          + " again" + why);
    }
    return load;
  }

  /** "512K", "5M" or "100000" (bytes) as a byte count; a user error naming {@code option} otherwise. */
  static long size(String option, String text) {
    String t = text.strip().toUpperCase(java.util.Locale.ROOT);
    long unit = t.endsWith("K") ? 1024 : t.endsWith("M") ? 1024 * 1024 : 1;
    try {
      long n = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1));
      if (n >= 1 && n <= Long.MAX_VALUE / unit) return n * unit;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ExitCodes.UserException(option + " must be a size such as 512K or 5M, got \"" + text + "\"");
  }

  /**
   * "skipped 2 files:" and one indented line per file with its reason — {@code a.pdf (unsupported format)} — so that
   * a long list reads down the terminal, not across it; "" when none were.
   */
  static String skippedSummary(StoryLoad load) {
    if (load.skipped().isEmpty()) return "";
    return "skipped " + Texts.count(load.skipped().size(), "file", "files") + ":" + load.skipped().stream()
        .map(s -> System.lineSeparator() + "  " + s).collect(Collectors.joining());
  }
}
