package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.metrics.Metrics;
import dev.storybot.testing.LogCapture;
import dev.storybot.testing.Scrape;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusals are all counted, but logged at WARN once per reason and minute, saying how many went unlogged. */
class RefusedRequestsTest {

  /** A clock the test moves. */
  private static final class SteppedClock extends Clock {
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void firstOfEachReasonIsAWarnThenAtMostOneAMinute() {
    SteppedClock clock = new SteppedClock();
    try (Metrics metrics = new Metrics(); LogCapture log = LogCapture.start()) {
      RefusedRequests refused = new RefusedRequests(metrics, clock);
      refused.refused(RefusedRequests.Reason.BAD_SIGNATURE, null);
      clock.advanceSeconds(10);
      refused.refused(RefusedRequests.Reason.BAD_SIGNATURE, null);
      refused.refused(RefusedRequests.Reason.BAD_SIGNATURE, null);
      refused.refused(RefusedRequests.Reason.STALE_TIMESTAMP, "its timestamp is 400 s behind this clock");
      assertEquals(2, warnings(log).size(), "one per reason: " + warnings(log));
      assertTrue(warnings(log).get(1).contains("(its timestamp is 400 s behind this clock)"), warnings(log).get(1));

      clock.advanceSeconds(RefusedRequests.INTERVAL.toSeconds());
      refused.refused(RefusedRequests.Reason.BAD_SIGNATURE, null);
      List<String> w = warnings(log);
      assertEquals(3, w.size(), w.toString());
      assertTrue(w.get(2).contains("SLACK_SIGNING_SECRET") && w.get(2).contains("2 more refused for this reason"), w.get(2));

      Scrape m = new Scrape(metrics.scrape());
      assertEquals(4, m.sum("storybot_slack_requests_refused_total", "reason", "bad_signature"));
      assertEquals(1, m.sum("storybot_slack_requests_refused_total", "reason", "stale_timestamp"));
    }
  }

  private static List<String> warnings(LogCapture log) {
    return log.lines().stream().filter(l -> l.startsWith("WARN " + RefusedRequests.class.getName())).toList();
  }
}
