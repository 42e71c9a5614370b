package dev.storybot.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ThreadMemory} of one process. Bounded: the least recently used threads are forgotten first.
 */
public final class MemoryThreadMemory implements ThreadMemory {

  /** Threads remembered by {@link ThreadMemory#standard()}. */
  public static final int STANDARD = 5_000;

  private final Map<String, String> last;

  /** Remembers at most {@code capacity} threads. */
  public MemoryThreadMemory(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    this.last = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public synchronized void remember(String channel, String threadTs, String question) {
    if (channel != null && threadTs != null) last.put(key(channel, threadTs), question);
  }

  @Override
  public synchronized Optional<String> lastQuestion(String channel, String threadTs) {
    if (channel == null || threadTs == null) return Optional.empty();
    return Optional.ofNullable(last.get(key(channel, threadTs)));
  }

  synchronized int size() {
    return last.size();
  }

  private static String key(String channel, String threadTs) {
    return channel + "/" + threadTs;
  }
}
