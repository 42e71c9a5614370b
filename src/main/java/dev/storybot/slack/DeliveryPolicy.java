package dev.storybot.slack;

import java.time.Duration;

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
   * 16 calls at once, 10 s each; back-off from 1 s doubling to 30 s; 30 minutes (a response_url's life) and 5 uses;
   * a reaction gets 2 s; closing waits 10 s for the backlog.
   */
  public static DeliveryPolicy standard() {
    return new DeliveryPolicy(16, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofMinutes(30), 5, Duration.ofSeconds(2), Duration.ofSeconds(10));
  }
}
