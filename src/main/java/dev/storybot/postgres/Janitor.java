package dev.storybot.postgres;

import java.sql.PreparedStatement;
import java.util.List;

/** Deletes what the shared tables no longer need, every minute from each replica's heartbeat (idempotent). */
final class Janitor {

  private Janitor() {}

  // Ids past any retry, idle buckets (full again by now), threads quiet for a week, replicas dead for a day.
  static void sweep(Database db) {
    List<String> sql = List.of(
        "DELETE FROM storybot_seen WHERE scope = 'event' AND seen_at < now() - interval '1 hour'",
        "DELETE FROM storybot_seen WHERE scope = 'signature' AND seen_at < now() - interval '10 minutes'",
        "DELETE FROM storybot_rate_buckets WHERE updated_ms < " + (System.currentTimeMillis() - 600_000L),
        "DELETE FROM storybot_threads WHERE updated_at < now() - interval '7 days'",
        "DELETE FROM storybot_replicas WHERE expires_at < now() - interval '1 day'");
    db.orElse("clean-up", c -> {
      for (String s : sql) {
        try (PreparedStatement p = c.prepareStatement(s)) {
          p.executeUpdate();
        }
      }
      return null;
    }, () -> null);
  }
}
