package dev.storybot.search;

import dev.storybot.embed.Embedder;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.embed.ProgressListener;
import dev.storybot.index.VectorSource;
import dev.storybot.story.Story;
import java.util.ArrayList;
import java.util.List;

/**
 * The index's source of meaning: each paragraph split into {@link Sentences}, each sentence's vector from the
 * embedding store (embedded by the model only when the store lacks it). Thread-safe as its parts are.
 */
public final class SentenceVectors implements VectorSource {

  private final Embedder model;
  private final EmbeddingStore store;
  private final ProgressListener progress;

  /** Vectors of {@code model}, kept in {@code store}, each story's new ones reported to {@code progress}. */
  public SentenceVectors(Embedder model, EmbeddingStore store, ProgressListener progress) {
    this.model = model;
    this.store = store;
    this.progress = progress;
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public List<float[][]> sentenceVectors(Story story) {
    List<String> sentences = new ArrayList<>();
    int[] counts = new int[story.paragraphs().size()];
    for (int p = 0; p < counts.length; p++) {
      String text = story.paragraphs().get(p);
      List<TextRange> split = units(text);
      counts[p] = split.size();
      for (TextRange r : split) sentences.add(r.of(text));
    }
    List<float[]> vectors = store.vectors(sentences, model, progress).vectors();
    List<float[][]> out = new ArrayList<>(counts.length);
    int at = 0;
    for (int count : counts) {
      out.add(vectors.subList(at, at + count).toArray(new float[0][]));
      at += count;
    }
    return out;
  }

  /** The sentences of {@code paragraph} in the order their vectors are stored. */
  public static List<TextRange> units(String paragraph) {
    List<TextRange> split = Sentences.split(paragraph);
    return split.isEmpty() ? List.of(new TextRange(0, paragraph.length())) : split;
  }
}
