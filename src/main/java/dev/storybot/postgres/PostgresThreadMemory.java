package dev.storybot.postgres;

import dev.storybot.slack.MemoryThreadMemory;
import dev.storybot.slack.ThreadMemory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * {@link ThreadMemory} in storybot_threads, so that a follow-up reaching any replica is read with its thread's
 * question. Written through to this process's memory too, which answers while the database is down. Threads quiet
 * for a week are deleted by the {@link Database}'s clean-up.
 */
public final class PostgresThreadMemory implements ThreadMemory {

  private final Database db;
  private final MemoryThreadMemory memory;

  public PostgresThreadMemory(Database db, MemoryThreadMemory memory) {
    this.db = db;
    this.memory = memory;
  }

  @Override
  public void remember(String channel, String threadTs, String question) {
    if (channel == null || threadTs == null) return;
    memory.remember(channel, threadTs, question);
    db.orElse("remember a thread", c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO storybot_threads (channel, thread_ts, question)"
          + " VALUES (?, ?, ?) ON CONFLICT (channel, thread_ts)"
          + " DO UPDATE SET question = EXCLUDED.question, updated_at = now()")) {
        p.setString(1, channel);
        p.setString(2, threadTs);
        p.setString(3, question);
        return p.executeUpdate();
      }
    }, () -> 0);
  }

  @Override
  public Optional<String> lastQuestion(String channel, String threadTs) {
    if (channel == null || threadTs == null) return Optional.empty();
    return db.orElse("read a thread", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT question FROM storybot_threads WHERE channel = ? AND thread_ts = ?")) {
        p.setString(1, channel);
        p.setString(2, threadTs);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    }, () -> memory.lastQuestion(channel, threadTs));
  }
}
