package dev.storybot.embed;

/** Hears how far an {@link EmbeddingStore} has got with the texts it had to embed (those it did not have yet). */
@FunctionalInterface
public interface ProgressListener {

  /** Called after each chunk of texts is embedded and stored: {@code done} of {@code total} so far. */
  void embedded(int done, int total);

  /** A listener that ignores progress. */
  static ProgressListener none() {
    return (done, total) -> {};
  }
}
