package dev.storybot.slack;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Slack is taking the bot's replies, as the {@link Courier} last saw: failing from the first failed try
 * after a success until the next success, with one log line at each turn. Guarded by the courier.
 */
final class SlackStatus {

  private static final Logger log = LoggerFactory.getLogger(SlackStatus.class);
  private String failing;  // what failed last, while failing; else null
  private long failingSince;

  /** A try of {@code method} failed ({@code reason}, {@code detail} for the log). */
  void failed(String method, String reason, String detail, int attempt, long now) {
    if (failing == null) {
      failingSince = now;
      log.warn("Slack {} failed: {}; replies wait and are retried", method, detail);
    } else {
      log.debug("Slack {} failed: {} (attempt {})", method, detail, attempt);
    }
    failing = method + ": " + reason;
  }

  /** A reply went out; true when Slack had been failing until now (so replies waiting may go at once). */
  boolean succeeded(long now, int waiting) {
    if (failing == null) return false;
    log.info("Slack is taking replies again after {} s; retrying the {} waiting now", seconds(now), waiting);
    failing = null;
    return true;
  }

  /** True from a failed try until the next success. */
  boolean failing() {
    return failing != null;
  }

  /** Adds what is failing, and since when, to /healthz's "slack". */
  void describe(Map<String, Object> health, long now) {
    if (failing == null) return;
    health.put("failing", failing);
    health.put("failing_seconds", seconds(now));
  }

  private long seconds(long now) {
    return (now - failingSince) / 1_000_000_000L;
  }
}
