package dev.storybot.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last question the bot answered in each thread, so that a follow-up ("and the hostages?") is read with it.
 * Bounded: the least recently used threads are forgotten first.
 */
final class ThreadMemory {

  private final Map<String, String> last;

  /** Remembers at most {@code capacity} threads. */
  ThreadMemory(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    this.last = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > capacity;
      }
    };
  }

  /** 5,000 threads. */
  static ThreadMemory standard() {
    return new ThreadMemory(5_000);
  }

  /** Notes {@code question} as the latest answered in {@code channel}'s thread {@code threadTs}. */
  synchronized void remember(String channel, String threadTs, String question) {
    if (channel != null && threadTs != null) last.put(key(channel, threadTs), question);
  }

  /** The latest question answered in that thread, if the bot answered there. */
  synchronized Optional<String> lastQuestion(String channel, String threadTs) {
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
