package dev.storybot.testing;

import dev.storybot.app.Meaning;
import dev.storybot.app.Shelves;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.embed.ProgressListener;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.SentenceVectors;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import java.util.List;

/**
 * The embedding model for tests: loaded once per test JVM (a second or two), its vectors kept in one in-memory store,
 * so each fixture sentence is embedded once however many tests index it. The real model on the real path: tests
 * answer by meaning as `serve` and `ask` do.
 */
public final class TestMeaning {

  private static Meaning meaning;
  private static EmbeddingStore store;

  private TestMeaning() {}

  /** The shared model (never closed: it lives as long as the test JVM). */
  public static synchronized Meaning shared() {
    if (meaning == null) {
      meaning = Meaning.shared(Meaning.load().embedder());
      store = EmbeddingStore.inMemory();
    }
    return meaning;
  }

  /** The vector source over the shared store. */
  public static SentenceVectors vectors() {
    return shared().vectors(store, ProgressListener.none());
  }

  /** An in-memory index of {@code stories} with their vectors. */
  public static StoryIndex index(List<Story> stories) {
    return StoryIndex.inMemory(stories, vectors());
  }

  /** An in-memory shelf of {@code stories} with their vectors, as {@link dev.storybot.app.Storybot} opens one. */
  public static Shelves.Opened opened(List<Story> stories) {
    StoryIndex index = index(stories);
    return new Shelves.Opened(new LuceneShelf(index), index, new StoryLoad(stories, List.of()));
  }
}
