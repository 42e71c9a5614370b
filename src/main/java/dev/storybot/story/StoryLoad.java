package dev.storybot.story;

import java.util.List;

/**
 * The outcome of reading a folder of story files: the stories read, and the files skipped with the reason.
 *
 * @param stories every story read, in file-name order
 * @param skipped every file not read, with a reason a person can act on
 */
public record StoryLoad(List<Story> stories, List<Skipped> skipped) {

  public StoryLoad {
    stories = List.copyOf(stories);
    skipped = List.copyOf(skipped);
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
