package dev.storybot.story;

import java.util.List;
import java.util.Map;

/**
 * The outcome of reading a folder of story files: the stories read, and the files skipped with the reason.
 *
 * @param stories every story read, in file-name order
 * @param skipped every file not read, with a reason a person can act on
 * @param files the file each story was read from, by story id (a live reload keeps a broken file's old stories)
 */
public record StoryLoad(List<Story> stories, List<Skipped> skipped, Map<String, String> files) {

  public StoryLoad {
    stories = List.copyOf(stories);
    skipped = List.copyOf(skipped);
    files = Map.copyOf(files);
  }

  /** Stories whose files are not known. */
  public StoryLoad(List<Story> stories, List<Skipped> skipped) {
    this(stories, skipped, Map.of());
  }

  /** Paragraphs over all stories. */
  public int paragraphCount() {
    return stories.stream().mapToInt(s -> s.paragraphs().size()).sum();
  }

  /** A file that was not read: its name relative to the folder, and why ("unsupported format", "line 3: missing \"title\""). */
  public record Skipped(String file, String reason) {
    @Override
    public String toString() {
      return file + " (" + reason + ")";
    }
  }
}
