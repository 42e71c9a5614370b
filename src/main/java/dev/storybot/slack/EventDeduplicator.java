package dev.storybot.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recently seen Events API event_ids so that Slack's re-deliveries (X-Slack-Retry-Num) are answered
 * once. Bounded in both size and age: Slack retries within minutes, so an hour of ids is plenty.
 */
public final class EventDeduplicator {

  private final int capacity;
  private final Duration ttl;
  private final Clock clock;
  // Insertion order = arrival order, so the eldest entry is both the oldest and the first to evict.
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  /** Keeps at most {@code capacity} ids, each for {@code ttl}. */
  public EventDeduplicator(int capacity, Duration ttl, Clock clock) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** 10,000 ids for an hour. */
  public static EventDeduplicator standard() {
    return new EventDeduplicator(10_000, Duration.ofHours(1), Clock.systemUTC());
  }

  /**
   * True the first time {@code eventId} is offered (the caller should handle the event), false for a repeat.
   * A null id (not an Events API delivery) is always new.
   */
  public synchronized boolean firstTime(String eventId) {
    if (eventId == null) return true;
    long now = clock.millis();
    expire(now);
    if (seen.containsKey(eventId)) return false;
    seen.put(eventId, now);
    if (seen.size() > capacity) {
      Iterator<String> eldest = seen.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    return true;
  }

  /** Forgets {@code eventId}, so that Slack's next delivery of it is taken as new (it was refused, not handled). */
  public synchronized void forget(String eventId) {
    if (eventId != null) seen.remove(eventId);
  }

  /** How many ids are remembered now. */
  public synchronized int size() {
    return seen.size();
  }

  private void expire(long now) {
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext() && now - it.next().getValue() >= ttl.toMillis()) {
      it.remove();
    }
  }
}
