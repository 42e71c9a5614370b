package dev.storybot.postgres;

import dev.storybot.slack.EventDeduplicator;
import dev.storybot.slack.SeenIds;
import java.sql.PreparedStatement;

/**
 * {@link SeenIds} in storybot_seen under one scope ("event", "signature"): the first replica to insert an id handles
 * it. While the database is down, this process's own memory decides (a re-delivery that reaches another replica
 * then may be answered twice: better than not at all). Old ids are deleted by the {@link Database}'s clean-up.
 */
public final class PostgresSeenIds implements SeenIds {

  private final Database db;
  private final String scope;
  private final EventDeduplicator memory;

  /** Ids of {@code scope}; {@code memory} stands in while the database is down. */
  public PostgresSeenIds(Database db, String scope, EventDeduplicator memory) {
    this.db = db;
    this.scope = scope;
    this.memory = memory;
  }

  @Override
  public boolean firstTime(String id) {
    if (id == null) return true;
    boolean local = memory.firstTime(id);  // kept in step, for when the database is down
    return db.orElse("seen " + scope, c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO storybot_seen (scope, id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
        p.setString(1, scope);
        p.setString(2, id);
        return p.executeUpdate() == 1;
      }
    }, () -> local);
  }

  @Override
  public void forget(String id) {
    if (id == null) return;
    memory.forget(id);
    db.orElse("forget " + scope, c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM storybot_seen WHERE scope = ? AND id = ?")) {
        p.setString(1, scope);
        p.setString(2, id);
        return p.executeUpdate();
      }
    }, () -> 0);
  }
}
