package dev.storybot.search;

import dev.storybot.story.Attribution;

/**
 * A story as a listing shows it.
 *
 * @param id the story's id
 * @param attribution its headline, source, byline, date and link
 */
public record StorySummary(String id, Attribution attribution) {

  /** The headline. */
  public String title() {
    return attribution.title();
  }
}
