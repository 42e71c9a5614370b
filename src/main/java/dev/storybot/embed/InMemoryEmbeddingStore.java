package dev.storybot.embed;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link EmbeddingStore} in the heap, for in-memory indexes and tests. */
final class InMemoryEmbeddingStore extends EmbeddingStore {

  private final Map<ContentKey, float[]> vectors = new ConcurrentHashMap<>();
  private final Set<ContentKey> asked = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  @Override
  boolean has(ContentKey key) {
    checkOpen();
    return vectors.containsKey(key);
  }

  @Override
  float[] find(ContentKey key) {
    checkOpen();
    float[] v = vectors.get(key);
    if (v == null) return null;
    asked.add(key);
    return v.clone();
  }

  @Override
  List<float[]> add(List<ContentKey> keys, List<float[]> added) {
    checkOpen();
    for (int i = 0; i < keys.size(); i++) {
      vectors.putIfAbsent(keys.get(i), added.get(i).clone());
      asked.add(keys.get(i));
    }
    return added;
  }

  @Override
  public int size() {
    return vectors.size();
  }

  @Override
  public synchronized int compact() {
    checkOpen();
    int before = vectors.size();
    vectors.keySet().retainAll(asked);
    asked.clear();
    return before - vectors.size();
  }

  @Override
  public void close() {
    closed = true;
    vectors.clear();
    asked.clear();
  }

  private void checkOpen() {
    if (closed) throw new IllegalStateException("the in-memory embedding store is closed");
  }
}
