package dev.storybot.slack;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the {@link Courier} sends replies.
 *
 * @param inFlight calls open at once, at most
 * @param timeout one attempt's budget, connection to answer
 * @param backoff the wait before the first retry of a 5xx or time-out, doubled each time (with ±20% jitter)
 * @param maxBackoff cap on that wait
 * @param horizon how long after the question was acknowledged a reply may still go out (a response_url's life)
 * @param responseUrlUses attempts on one response_url, at most (Slack allows 5 uses)
 * @param bestEffortTimeout budget of a reaction's single try
 * @param drain how long closing waits for the backlog to go out
 */
public record DeliveryPolicy(int inFlight, Duration timeout, Duration backoff, Duration maxBackoff, Duration horizon,
                             int responseUrlUses, Duration bestEffortTimeout, Duration drain) {

  public DeliveryPolicy {
    if (inFlight < 1) throw new IllegalArgumentException("inFlight must be at least 1, got " + inFlight);
    if (responseUrlUses < 1) {
      throw new IllegalArgumentException("responseUrlUses must be at least 1, got " + responseUrlUses);
    }
    for (Duration d : new Duration[] {timeout, backoff, maxBackoff, horizon, bestEffortTimeout}) {
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("durations must be positive, got " + d);
    }
  }

  /**
   * After the n-th failed try of a response_url, the next waits at least the horizon divided by this: with 30
   * minutes, tries at 0, 0.5, 2.5, 7.5 and 17.5 minutes — sooner when another call shows Slack answering again.
   */
  private static final long[] RESPONSE_URL_SPACING = {60, 15, 6, 3};

  /**
   * How long to wait after the {@code attempts}-th failed try: Slack's Retry-After when it gave one, else the
   * back-off (doubling, ±20%, capped); {@code spread} (a response_url through an outage) at least its share of the
   * horizon, so that a long outage does not spend its 5 uses at the start.
   */
  long nanosBeforeRetry(boolean spread, int attempts, Duration retryAfter) {
    long wait;
    if (retryAfter != null) {
      wait = retryAfter.toNanos();
    } else {
      long nanos = Math.min(backoff.toNanos() << Math.min(attempts - 1, 20), maxBackoff.toNanos());
      wait = (long) (nanos * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
    }
    if (!spread) return wait;
    return Math.max(wait, horizon.toNanos() / RESPONSE_URL_SPACING[Math.min(attempts, RESPONSE_URL_SPACING.length) - 1]);
  }

  /**
   * 64 calls at once (on a non-blocking client they cost a connection, not a thread: at Slack's 100–300 ms a call
   * that is a few hundred replies a second), 10 s each; back-off from 1 s doubling to 30 s; 30 minutes (a response_url's life) and 5 uses;
   * a reaction gets 2 s; closing waits 10 s for the backlog.
   */
  public static DeliveryPolicy standard() {
    return new DeliveryPolicy(64, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofMinutes(30), 5, Duration.ofSeconds(2), Duration.ofSeconds(10));
  }
}
