package dev.storybot.app;

import dev.storybot.embed.Embedder;
import dev.storybot.embed.EmbedderSettings;
import dev.storybot.embed.EmbeddingModel;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.embed.OnnxEmbedder;
import dev.storybot.embed.ProgressListener;
import dev.storybot.search.SentenceVectors;

/**
 * The embedding model a storybot answers with, or none ({@code SEMANTIC=off}, {@code --semantic=off}). The model is
 * loaded once per process (a second or two, about 200 MB of native memory) and kept until the process ends, however
 * many commands or bots in it ask for it.
 */
public final class Meaning implements AutoCloseable {

  /** The model storybot embeds with (docs/QUALITY.md says why this one). */
  public static final EmbeddingModel MODEL = EmbeddingModel.E5_SMALL_V2;

  private final Embedder embedder;
  private final boolean owned;

  private Meaning(Embedder embedder, boolean owned) {
    this.embedder = embedder;
    this.owned = owned;
  }

  /** By words alone. */
  public static Meaning off() {
    return new Meaning(null, false);
  }

  private static Embedder loaded;

  /** {@link #MODEL} with every processor, loaded by the first call in the process. */
  public static synchronized Meaning load() {
    if (loaded == null) loaded = OnnxEmbedder.load(MODEL, EmbedderSettings.defaults());
    return new Meaning(loaded, false);
  }

  /** {@link #load()} or {@link #off()}. */
  public static Meaning of(boolean on) {
    return on ? load() : off();
  }

  /** Uses {@code embedder}, which its owner closes (e.g. one model shared by many tests). */
  public static Meaning shared(Embedder embedder) {
    return new Meaning(embedder, false);
  }

  /** True when questions and stories are embedded. */
  public boolean on() {
    return embedder != null;
  }

  /** The model, or null when off. */
  public Embedder embedder() {
    return embedder;
  }

  /** The index's source of vectors from {@code store}, progress to {@code progress}; null when off. */
  public SentenceVectors vectors(EmbeddingStore store, ProgressListener progress) {
    return embedder == null ? null : new SentenceVectors(embedder, store, progress);
  }

  @Override
  public void close() {
    if (owned) embedder.close();
  }
}
