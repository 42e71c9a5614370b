package dev.storybot.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vectors kept by content: the SHA-256 of the model id and the text. Asked for the vectors of a list of texts, it
 * returns the ones it has and embeds only the rest, so rebuilding an index re-embeds only new or changed text.
 *
 * <p>Two kinds: {@link #inMemory()} for in-memory indexes, and {@link #open} for a folder beside an index, which
 * survives restarts. Both are thread-safe. After a pass that asked for every text still in use (an index rebuild),
 * {@link #compact()} drops the vectors of texts that are gone.
 */
public abstract class EmbeddingStore implements AutoCloseable {

  /** Texts embedded (and stored) at a time: the grain of progress reports and of what a crash can lose. */
  static final int CHUNK = 256;

  EmbeddingStore() {}  // the two kinds below are the only ones

  /** A store in the heap: vectors last as long as it does. */
  public static EmbeddingStore inMemory() {
    return new InMemoryEmbeddingStore();
  }

  /**
   * Opens (or creates) the store in {@code folder} for the vectors of {@code embedder}'s model. A damaged file is
   * not an error: what can be read is kept, the rest is dropped with a WARN and re-embedded when asked for. Vectors
   * of another model are dropped likewise.
   *
   * @throws IOException if the folder cannot be created or written, or another process has the store open
   */
  public static EmbeddingStore open(Path folder, Embedder embedder) throws IOException {
    return FileEmbeddingStore.open(folder, embedder.modelId(), embedder.dimensions());
  }

  /**
   * The vectors of {@code texts}, in order: stored ones are reused, the others embedded by {@code embedder} in
   * chunks, stored, and reported to {@code progress} after each chunk. A text repeated in the list is embedded once.
   * The result holds every vector in the heap (1.5 KB each): over a large shelf, call it slice by slice.
   */
  public final Embeddings vectors(List<String> texts, Embedder embedder, ProgressListener progress) {
    accept(embedder);
    String model = embedder.modelId();
    float[][] vectors = new float[texts.size()][];
    Map<ContentKey, List<Integer>> missing = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null) throw new IllegalArgumentException("text " + i + " of " + texts.size() + " is null");
      ContentKey key = ContentKey.of(model, text);
      List<Integer> waiting = missing.get(key);
      if (waiting != null) {
        waiting.add(i);
        continue;
      }
      vectors[i] = find(key);
      if (vectors[i] == null) missing.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<ContentKey> todo = new ArrayList<>(missing.keySet());
    for (int from = 0; from < todo.size(); from += CHUNK) {
      List<ContentKey> keys = todo.subList(from, Math.min(todo.size(), from + CHUNK));
      List<String> chunk = new ArrayList<>(keys.size());
      for (ContentKey key : keys) chunk.add(texts.get(missing.get(key).get(0)));
      List<float[]> embedded = embedder.embedAll(chunk);
      check(embedder, chunk.size(), embedded);
      List<float[]> stored = add(keys, embedded);
      for (int k = 0; k < keys.size(); k++) {
        for (int position : missing.get(keys.get(k))) vectors[position] = stored.get(k).clone();
      }
      progress.embedded(from + keys.size(), todo.size());
    }
    return new Embeddings(Arrays.asList(vectors), todo.size(), texts.size() - todo.size());
  }

  /**
   * How many distinct texts of {@code texts} the store does not hold yet: what {@link #vectors} would embed. Cheap
   * (hashing and a table look-up, no reads); lets a caller that feeds {@link #vectors} slice by slice (as it
   * should: a result holds all its vectors in the heap) report progress against the grand total.
   */
  public final int missing(List<String> texts, Embedder embedder) {
    accept(embedder);
    java.util.Set<ContentKey> absent = new java.util.HashSet<>();
    for (String text : texts) {
      ContentKey key = ContentKey.of(embedder.modelId(), text);
      if (!has(key)) absent.add(key);
    }
    return absent.size();
  }

  /** How many vectors the store holds. */
  public abstract int size();

  /**
   * Drops every vector not asked for (by {@link #vectors}) since the store was opened or last compacted, and
   * returns how many were dropped. Call it after a pass over every text in use.
   */
  public abstract int compact() throws IOException;

  /** Writes out what is pending and releases the store; calls after this throw {@link IllegalStateException}. */
  @Override
  public abstract void close() throws IOException;

  /** Fails early when {@code embedder} cannot be used with this store. */
  void accept(Embedder embedder) {}

  /** True when a vector for {@code key} is stored (not marked as asked for). */
  abstract boolean has(ContentKey key);

  /** The stored vector for {@code key} (a copy, marked as asked for), or null. */
  abstract float[] find(ContentKey key);

  /**
   * Stores new vectors (a key stored meanwhile by another caller is kept as it is) and returns them as the store
   * will return them later, so a vector reads the same whether it was just embedded or stored long ago.
   */
  abstract List<float[]> add(List<ContentKey> keys, List<float[]> vectors);

  private static void check(Embedder embedder, int asked, List<float[]> got) {
    if (got.size() != asked) {
      throw new IllegalStateException(embedder.modelId() + " returned " + got.size() + " vectors for " + asked + " texts");
    }
    for (float[] v : got) {
      if (v.length != embedder.dimensions()) {
        throw new IllegalStateException(embedder.modelId() + " returned a vector of " + v.length
            + " dimensions, not " + embedder.dimensions());
      }
    }
  }
}
