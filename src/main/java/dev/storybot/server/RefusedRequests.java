package dev.storybot.server;

import dev.storybot.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to /slack/events refused before Bolt saw them: each counted in /metrics by reason, and logged at WARN with
 * what to check — the first of each reason, then at most one per {@link #INTERVAL} and reason, saying how many
 * were refused in between. A wrong SLACK_SIGNING_SECRET refuses every request Slack sends: without this it would
 * look exactly like "Slack never calls us". Never logs the secret, a signature or the body.
 */
final class RefusedRequests {

  private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);
  /** At most one WARN line per reason this often. */
  static final Duration INTERVAL = Duration.ofMinutes(1);

  /** Why a request was refused: its metric tag, HTTP status and what the operator should check. */
  enum Reason {
    BAD_SIGNATURE("bad_signature", 401, "its signature does not match SLACK_SIGNING_SECRET. If every request from"
        + " Slack is refused like this, SLACK_SIGNING_SECRET is wrong: copy the Signing Secret from your Slack app's"
        + " \"Basic Information\" page (not the Client Secret, the Verification Token or a token) and restart"),
    MISSING_SIGNATURE("missing_signature", 401, "it has no X-Slack-Signature or X-Slack-Request-Timestamp header:"
        + " it is not from Slack, or a proxy in front of storybot drops these headers"),
    STALE_TIMESTAMP("stale_timestamp", 401, "its X-Slack-Request-Timestamp is more than five minutes from this"
        + " machine's clock: check the clock here (NTP), or a proxy that holds requests back or replays them"),
    TOO_LARGE("too_large", 413, "its body is larger than Slack ever sends: it is not from Slack"),
    UNREADABLE("unreadable", 400, "its body could not be read: the client hung up, or a broken chunked encoding"),
    NOT_UTF8("not_utf8", 400, "its body is not UTF-8, which Slack always sends: it is not from Slack"),
    MALFORMED("malformed", 400, "it is signed, but not a Slack request Bolt can read: a proxy that rewrites bodies,"
        + " or a request type this version of storybot does not know");

    final String tag;
    final int status;
    final String check;

    Reason(String tag, int status, String check) {
      this.tag = tag;
      this.status = status;
      this.check = check;
    }
  }

  private record Window(long lastWarnMillis, long suppressed) {}

  private final Metrics metrics;
  private final Clock clock;
  private final Map<Reason, Window> windows = new EnumMap<>(Reason.class);

  RefusedRequests(Metrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Counts one refusal; logs it at WARN, with {@code detail} (or null) at the end, unless one of the same reason was
   * logged within the last {@link #INTERVAL}.
   */
  void refused(Reason reason, String detail) {
    metrics.refused(reason.tag);
    long now = clock.millis();
    long suppressed;
    synchronized (windows) {
      Window w = windows.get(reason);
      if (w != null && now - w.lastWarnMillis() < INTERVAL.toMillis()) {
        windows.put(reason, new Window(w.lastWarnMillis(), w.suppressed() + 1));
        log.debug("Refused a request to {} ({}): {}", StorybotServer.EVENTS_PATH, reason.status, reason.tag);
        return;
      }
      suppressed = w == null ? 0 : w.suppressed();
      windows.put(reason, new Window(now, 0));
    }
    log.atWarn().addKeyValue("reason", reason.tag).addKeyValue("status", reason.status)
        .log("Refused a request to {} with {}: {}{}{}", StorybotServer.EVENTS_PATH, reason.status, reason.check,
            detail == null ? "" : " (" + detail + ")",
            suppressed == 0 ? "" : "; " + suppressed + " more refused for this reason since the last such line");
  }
}
