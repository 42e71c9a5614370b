package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a reply waits before its next try: back-off, Retry-After, and a response_url's uses spread out. */
class DeliveryPolicyTest {

  private final DeliveryPolicy policy = DeliveryPolicy.standard();

  @Test
  void theBackOffDoublesWithinItsJitterUpToTheCap() {
    for (int attempt = 1; attempt <= 8; attempt++) {
      double expected = Math.min(1L << (attempt - 1), 30);  // seconds: 1, 2, 4, 8, 16, 30, 30, 30
      for (int i = 0; i < 50; i++) {
        double s = policy.nanosBeforeRetry(false, attempt, null) / 1e9;
        assertTrue(s >= expected * 0.8 && s <= expected * 1.2, "attempt " + attempt + ": " + s + " s");
      }
    }
  }

  @Test
  void slacksRetryAfterIsTakenAsIs() {
    assertEquals(Duration.ofSeconds(7).toNanos(), policy.nanosBeforeRetry(false, 1, Duration.ofSeconds(7)));
    assertEquals(0, policy.nanosBeforeRetry(false, 3, Duration.ZERO));
  }

  @Test
  void aResponseUrlsFiveUsesAreSpreadOverItsThirtyMinutes() {
    long[] atLeast = {30, 120, 300, 600};  // seconds after tries 1..4: tries at 0, 0.5, 2.5, 7.5 and 17.5 minutes
    for (int attempt = 1; attempt <= 4; attempt++) {
      long wait = policy.nanosBeforeRetry(true, attempt, Duration.ofSeconds(1));
      assertEquals(Duration.ofSeconds(atLeast[attempt - 1]).toNanos(), wait, "after try " + attempt);
    }
  }

  @Test
  void nonsenseIsRefusedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeliveryPolicy(0,
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), 5,
        Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertEquals("inFlight must be at least 1, got 0", e.getMessage());
  }
}
