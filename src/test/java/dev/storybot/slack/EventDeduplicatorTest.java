package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The event_id memory that keeps retries from being answered twice stays bounded in size and age. */
class EventDeduplicatorTest {

  private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return Instant.ofEpochMilli(millis.get()); }
  };

  @Test
  void secondSightingIsARepeat() {
    EventDeduplicator d = new EventDeduplicator(10, Duration.ofMinutes(5), clock);
    assertTrue(d.firstTime("Ev1"));
    assertFalse(d.firstTime("Ev1"));
    assertTrue(d.firstTime("Ev2"));
    assertTrue(d.firstTime(null), "no id, nothing to compare");
  }

  @Test
  void oldestIdsAreForgottenBeyondCapacity() {
    EventDeduplicator d = new EventDeduplicator(2, Duration.ofMinutes(5), clock);
    d.firstTime("a");
    d.firstTime("b");
    d.firstTime("c");
    assertEquals(2, d.size());
    assertTrue(d.firstTime("a"), "a was evicted");
    assertFalse(d.firstTime("c"));
  }

  @Test
  void idsExpireAfterTheirTimeToLive() {
    EventDeduplicator d = new EventDeduplicator(10, Duration.ofMinutes(5), clock);
    d.firstTime("a");
    millis.addAndGet(Duration.ofMinutes(5).toMillis());
    assertTrue(d.firstTime("a"));
    assertEquals(1, d.size());
  }
}
