package dev.storybot.story;

import java.util.List;

/** Reads the stories in one file's text, for one file format (chosen by the file's extension). */
interface StoryReader {

  /**
   * Reads every story in {@code text}.
   *
   * @param id the file's id (its path relative to the stories folder), the id of a single-story file's story
   * @param text the file's whole text, already checked to be non-blank UTF-8
   * @param problems where a multi-story format reports a bad entry ("line 3: missing \"title\"") and carries on
   * @throws StoryFormatException when the file as a whole cannot be read; the message is the reason
   */
  List<StoryDraft> read(String id, String text, List<String> problems) throws StoryFormatException;
}
