package dev.storybot.search;

import java.util.List;

/**
 * One page of a story listing.
 *
 * @param total stories in the whole listing
 * @param offset stories before this page
 * @param stories this page's stories, newest first
 */
public record StoryPage(long total, int offset, List<StorySummary> stories) {

  public StoryPage {
    stories = List.copyOf(stories);
  }

  /** True when stories follow this page. */
  public boolean hasMore() {
    return offset + stories.size() < total;
  }
}
