package dev.storybot.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@link RateLimiter} of one process: token buckets, one per user, refilled at {@code perUserPerMinute} a minute (a burst of as many), and
 * one for everyone, refilled at {@code globalPerSecond} a second. A question takes a token from both or from
 * neither. Each user is told once that they are going too fast, not once per refused question, so a flood never
 * turns into a flood of replies. At most {@link #MAX_USERS} users are remembered (the least recently seen go first;
 * a forgotten user starts again with a full bucket). Thread-safe.
 */
public final class MemoryRateLimiter implements RateLimiter {

  /** Users whose buckets are kept; beyond this the least recently active are forgotten. */
  public static final int MAX_USERS = 10_000;

  private static final long NANOS_PER_MINUTE = 60_000_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final int perUserPerMinute;
  private final Bucket global;
  private final LongSupplier nanos;
  private final LinkedHashMap<String, Bucket> users = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_USERS;
    }
  };

  /** Limits from {@code perUserPerMinute} and {@code globalPerSecond}, each at least 1, on the system clock. */
  public MemoryRateLimiter(int perUserPerMinute, int globalPerSecond) {
    this(perUserPerMinute, globalPerSecond, System::nanoTime);
  }

  /** As {@link #MemoryRateLimiter(int, int)}, reading time from {@code nanos} (for tests). */
  public MemoryRateLimiter(int perUserPerMinute, int globalPerSecond, LongSupplier nanos) {
    this.perUserPerMinute = atLeastOne(perUserPerMinute, "perUserPerMinute");
    this.nanos = nanos;
    this.global = new Bucket(atLeastOne(globalPerSecond, "globalPerSecond"), nanos.getAsLong());
  }

  @Override
  public Decision tryAcquire(String user) {
    return tryAcquire(user, perUserPerMinute);
  }

  @Override
  public synchronized Decision tryAcquire(String user, int userLimitPerMinute) {
    int limit = atLeastOne(userLimitPerMinute, "perUserPerMinute");
    long now = nanos.getAsLong();
    String key = user == null ? "" : user;
    Bucket mine = users.computeIfAbsent(key, k -> new Bucket(limit, now));
    mine.refill(now, limit, NANOS_PER_MINUTE);
    global.refill(now, global.capacity, NANOS_PER_SECOND);
    if (mine.tokens >= 1 && global.tokens >= 1) {
      mine.tokens--;
      global.tokens--;
      mine.told = false;
      return Decision.ALLOWED;
    }
    if (mine.told) return Decision.LIMITED_QUIET;
    mine.told = true;
    return Decision.LIMITED_TELL;
  }

  /** Users currently remembered. */
  public synchronized int users() {
    return users.size();
  }

  private static int atLeastOne(int n, String name) {
    if (n < 1) throw new IllegalArgumentException(name + " must be at least 1, got " + n);
    return n;
  }

  /** Tokens as a fraction, so that slow refill rates (a few a minute) lose nothing to rounding. */
  private static final class Bucket {
    final int capacity;
    double tokens;
    long last;
    boolean told;

    Bucket(int capacity, long now) {
      this.capacity = capacity;
      this.tokens = capacity;
      this.last = now;
    }

    void refill(long now, int perPeriod, long periodNanos) {
      long elapsed = Math.max(0, now - last);
      tokens = Math.min(perPeriod, tokens + (double) elapsed * perPeriod / periodNanos);
      last = now;
    }
  }
}
