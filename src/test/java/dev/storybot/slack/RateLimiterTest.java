package dev.storybot.slack;

import static dev.storybot.slack.RateLimiter.Decision.ALLOWED;
import static dev.storybot.slack.RateLimiter.Decision.LIMITED_QUIET;
import static dev.storybot.slack.RateLimiter.Decision.LIMITED_TELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets on a clock the test moves: bursts, refill, telling once, everyone's limit, bounded memory. */
class RateLimiterTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

  private void advanceMillis(long ms) {
    nanos.addAndGet(ms * 1_000_000L);
  }

  private static List<RateLimiter.Decision> ask(RateLimiter l, String user, int times) {
    List<RateLimiter.Decision> out = new ArrayList<>();
    for (int i = 0; i < times; i++) out.add(l.tryAcquire(user));
    return out;
  }

  @Test
  void aUserGetsABurstOfTheirLimitThenIsToldOnceThenRefusedQuietly() {
    MemoryRateLimiter l = new MemoryRateLimiter(3, 100, nanos::get);
    assertEquals(List.of(ALLOWED, ALLOWED, ALLOWED, LIMITED_TELL, LIMITED_QUIET, LIMITED_QUIET), ask(l, "U1", 6));
    assertEquals(ALLOWED, l.tryAcquire("U2"), "another user is not affected");
  }

  @Test
  void tokensComeBackAtTheLimitPerMinuteAndTheNoticeResets() {
    MemoryRateLimiter l = new MemoryRateLimiter(6, 100, nanos::get);  // one token every 10 s
    ask(l, "U1", 7);
    advanceMillis(9_999);
    assertEquals(LIMITED_QUIET, l.tryAcquire("U1"));
    advanceMillis(1);
    assertEquals(ALLOWED, l.tryAcquire("U1"));
    assertEquals(LIMITED_TELL, l.tryAcquire("U1"), "told again after having been let through");
    advanceMillis(3_600_000);
    assertEquals(List.of(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, LIMITED_TELL), ask(l, "U1", 7),
        "an idle hour refills to the limit, not beyond");
  }

  @Test
  void everyoneTogetherIsLimitedPerSecond() {
    MemoryRateLimiter l = new MemoryRateLimiter(100, 4, nanos::get);
    List<RateLimiter.Decision> got = new ArrayList<>();
    for (int u = 0; u < 6; u++) got.add(l.tryAcquire("U" + u));
    assertEquals(List.of(ALLOWED, ALLOWED, ALLOWED, ALLOWED, LIMITED_TELL, LIMITED_TELL), got);
    advanceMillis(250);
    assertEquals(ALLOWED, l.tryAcquire("U9"), "a quarter second brings back one of four a second");
  }

  @Test
  void aRefusedQuestionCostsNoTokenFromTheOtherBucket() {
    MemoryRateLimiter l = new MemoryRateLimiter(1, 2, nanos::get);
    assertEquals(ALLOWED, l.tryAcquire("U1"));
    assertEquals(LIMITED_TELL, l.tryAcquire("U1"));  // over the user's limit: the global token stays
    assertEquals(ALLOWED, l.tryAcquire("U2"));
  }

  @Test
  void aChannelsOwnLimitApplies() {
    MemoryRateLimiter l = new MemoryRateLimiter(10, 100, nanos::get);
    assertEquals(ALLOWED, l.tryAcquire("U1", 2));
    assertEquals(ALLOWED, l.tryAcquire("U1", 2));
    assertEquals(LIMITED_TELL, l.tryAcquire("U1", 2));
    assertThrows(IllegalArgumentException.class, () -> l.tryAcquire("U1", 0));
  }

  @Test
  void memoryStaysBoundedUnderManyUsers() {
    MemoryRateLimiter l = new MemoryRateLimiter(5, Integer.MAX_VALUE, nanos::get);
    for (int u = 0; u < MemoryRateLimiter.MAX_USERS + 5_000; u++) l.tryAcquire("U" + u);
    assertEquals(MemoryRateLimiter.MAX_USERS, l.users());
  }

  @Test
  void limitsBelowOneAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MemoryRateLimiter(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new MemoryRateLimiter(1, 0));
  }
}
