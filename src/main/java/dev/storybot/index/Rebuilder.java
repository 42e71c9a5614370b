package dev.storybot.index;

import dev.storybot.story.FolderStamp;
import dev.storybot.story.Story;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Whatever live reload rebuilds: the embedded {@link StoryIndex}, or a search engine's collection. A rebuild replaces
 * every story at once; searches see the old stories until it is complete, then only the new ones.
 */
public interface Rebuilder {

  /** Replaces the stories with {@code stories}; on failure the previous ones stay. */
  IndexStats rebuild(List<Story> stories) throws IOException;

  /**
   * As {@link #rebuild(List)}, the stories read from the folder stamped {@code from}, which an engine that can keeps
   * with them ({@link #builtFrom}).
   */
  default IndexStats rebuild(List<Story> stories, FolderStamp from) throws IOException {
    return rebuild(stories);
  }

  /** The stories folder what searches see was built from, when the engine keeps it; empty when unknown. */
  default Optional<FolderStamp> builtFrom() {
    return Optional.empty();
  }

  /** Counts and build time of what searches currently see. */
  IndexStats stats();

  /** From the next rebuild on, writes the stories' meaning from {@code source} too (null: words alone). */
  void embedWith(VectorSource source);
}
