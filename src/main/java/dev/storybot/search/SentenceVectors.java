package dev.storybot.search;

import dev.storybot.embed.Embedder;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.embed.ProgressListener;
import dev.storybot.index.VectorSource;
import dev.storybot.story.Story;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The index's source of meaning: the headline and each paragraph's {@link Sentences}, each one's vector from the
 * embedding store (embedded by the model only when the store lacks it), with a running count of texts embedded and
 * reused over a whole build. Thread-safe as its parts are.
 */
public final class SentenceVectors implements VectorSource {

  private final Embedder model;
  private final EmbeddingStore store;
  private final ProgressListener progress;
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicLong embedded = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();

  /** Vectors of {@code model}, kept in {@code store}; texts embedded so far (of {@link #expect}'s total) to {@code progress}. */
  public SentenceVectors(Embedder model, EmbeddingStore store, ProgressListener progress) {
    this.model = model;
    this.store = store;
    this.progress = progress;
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  /** Counts what a pass over {@code stories} will embed (reading hashes only), for progress as a grand total. */
  @Override
  public int expect(List<Story> stories) {
    List<String> texts = new ArrayList<>();
    for (Story s : stories) texts.addAll(texts(s, null));
    total.set(store.missing(texts, model));
    embedded.set(0);
    reused.set(0);
    return total.get();
  }

  /** Texts embedded since {@link #expect}. */
  public long embedded() {
    return embedded.get();
  }

  /** Texts whose stored vectors were reused since {@link #expect}. */
  public long reused() {
    return reused.get();
  }

  @Override
  public StoryVectors vectors(Story story) {
    int[] counts = new int[story.paragraphs().size()];
    List<String> texts = texts(story, counts);
    long before = embedded.get();
    var result = store.vectors(texts, model, (done, all) ->
        progress.embedded((int) Math.min(Integer.MAX_VALUE, before + done), Math.max(total.get(), (int) before + all)));
    embedded.addAndGet(result.embedded());
    reused.addAndGet(result.reused());
    List<float[]> vectors = result.vectors();
    List<float[][]> paragraphs = new ArrayList<>(counts.length);
    int at = 1;
    for (int count : counts) {
      paragraphs.add(vectors.subList(at, at + count).toArray(new float[0][]));
      at += count;
    }
    return new StoryVectors(vectors.get(0), paragraphs);
  }

  // The headline, then every paragraph's sentences in order; counts (when given) gets each paragraph's number.
  private static List<String> texts(Story story, int[] counts) {
    List<String> texts = new ArrayList<>();
    texts.add(story.title());
    for (int p = 0; p < story.paragraphs().size(); p++) {
      String text = story.paragraphs().get(p);
      List<TextRange> split = units(text);
      if (counts != null) counts[p] = split.size();
      for (TextRange r : split) texts.add(r.of(text));
    }
    return texts;
  }

  /** The sentences of {@code paragraph} in the order their vectors are stored. */
  public static List<TextRange> units(String paragraph) {
    List<TextRange> split = Sentences.split(paragraph);
    return split.isEmpty() ? List.of(new TextRange(0, paragraph.length())) : split;
  }
}
