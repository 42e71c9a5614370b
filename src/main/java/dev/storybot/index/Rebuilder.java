package dev.storybot.index;

import dev.storybot.story.Story;
import java.io.IOException;
import java.util.List;

/**
 * Whatever live reload rebuilds: the embedded {@link StoryIndex}, or a search engine's collection. A rebuild replaces
 * every story at once; searches see the old stories until it is complete, then only the new ones.
 */
public interface Rebuilder {

  /** Replaces the stories with {@code stories}; on failure the previous ones stay. */
  IndexStats rebuild(List<Story> stories) throws IOException;

  /** Counts and build time of what searches currently see. */
  IndexStats stats();
}
