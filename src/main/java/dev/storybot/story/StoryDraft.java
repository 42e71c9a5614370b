package dev.storybot.story;

import java.util.List;

/**
 * A story as a reader found it, before sidecar metadata and site-chrome removal turn it into a {@link Story}.
 *
 * @param id stable id
 * @param location where in the file the story was ("line 3"), or null for a whole-file story
 * @param meta attribution as the file gives it
 * @param paragraphs raw paragraphs in reading order, possibly including site chrome
 */
record StoryDraft(String id, String location, Attribution meta, List<String> paragraphs) {

  StoryDraft {
    paragraphs = List.copyOf(paragraphs);
  }
}
