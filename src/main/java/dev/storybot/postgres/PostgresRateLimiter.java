package dev.storybot.postgres;

import dev.storybot.slack.MemoryRateLimiter;
import dev.storybot.slack.RateLimiter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * The {@link RateLimiter}'s buckets in storybot_rate_buckets, so that a user's limit holds across replicas: one
 * transaction locks the global bucket and the user's (always in that order, so two never deadlock), refills both
 * by the time passed, and takes a token from both or from neither. Times are the replicas' clocks (kept by NTP: a
 * second of skew moves a bucket by a fraction of a token). While the database is down each process limits on its
 * own, as a single one does.
 */
public final class PostgresRateLimiter implements RateLimiter {

  private static final String GLOBAL = "global";
  private static final double MILLIS_PER_MINUTE = 60_000;
  private static final double MILLIS_PER_SECOND = 1_000;

  private final Database db;
  private final int perUserPerMinute;
  private final int globalPerSecond;
  private final LongSupplier millis;
  private final MemoryRateLimiter memory;

  /** Limits as {@link MemoryRateLimiter}'s, on the system clock. */
  public PostgresRateLimiter(Database db, int perUserPerMinute, int globalPerSecond) {
    this(db, perUserPerMinute, globalPerSecond, System::currentTimeMillis);
  }

  /** As the other constructor, reading the time (epoch milliseconds) from {@code millis}, for tests. */
  public PostgresRateLimiter(Database db, int perUserPerMinute, int globalPerSecond, LongSupplier millis) {
    this.db = db;
    this.memory = new MemoryRateLimiter(perUserPerMinute, globalPerSecond);  // checks both are at least 1
    this.perUserPerMinute = perUserPerMinute;
    this.globalPerSecond = globalPerSecond;
    this.millis = millis;
  }

  @Override
  public Decision tryAcquire(String user) {
    return tryAcquire(user, perUserPerMinute);
  }

  @Override
  public Decision tryAcquire(String user, int userLimitPerMinute) {
    if (userLimitPerMinute < 1) throw new IllegalArgumentException("perUserPerMinute must be at least 1, got " + userLimitPerMinute);
    return db.orElse("rate limit", c -> take(c, "user:" + (user == null ? "" : user), userLimitPerMinute),
        () -> memory.tryAcquire(user, userLimitPerMinute));
  }

  private Decision take(Connection c, String mine, int limit) throws SQLException {
    long now = millis.getAsLong();
    c.setAutoCommit(false);
    try {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO storybot_rate_buckets (key, tokens, updated_ms)"
          + " VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT DO NOTHING")) {
        p.setString(1, GLOBAL);
        p.setDouble(2, globalPerSecond);
        p.setLong(3, now);
        p.setString(4, mine);
        p.setDouble(5, limit);
        p.setLong(6, now);
        p.executeUpdate();
      }
      double global = 0;
      double tokens = 0;
      boolean told = false;
      try (PreparedStatement p = c.prepareStatement("SELECT key, tokens, updated_ms, told FROM storybot_rate_buckets"
          + " WHERE key IN (?, ?) ORDER BY key FOR UPDATE")) {
        p.setString(1, GLOBAL);
        p.setString(2, mine);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            long elapsed = Math.max(0, now - rs.getLong(3));
            if (GLOBAL.equals(rs.getString(1))) {
              global = Math.min(globalPerSecond, rs.getDouble(2) + elapsed * globalPerSecond / MILLIS_PER_SECOND);
            } else {
              tokens = Math.min(limit, rs.getDouble(2) + elapsed * limit / MILLIS_PER_MINUTE);
              told = rs.getBoolean(4);
            }
          }
        }
      }
      Decision d;
      if (tokens >= 1 && global >= 1) {
        tokens--;
        global--;
        told = false;
        d = Decision.ALLOWED;
      } else {
        d = told ? Decision.LIMITED_QUIET : Decision.LIMITED_TELL;
        told = true;
      }
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE storybot_rate_buckets SET tokens = ?, updated_ms = ?, told = ? WHERE key = ?")) {
        set(p, global, now, false, GLOBAL);
        set(p, tokens, now, told, mine);
        p.executeBatch();
      }
      c.commit();
      return d;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static void set(PreparedStatement p, double tokens, long now, boolean told, String key) throws SQLException {
    p.setDouble(1, tokens);
    p.setLong(2, now);
    p.setBoolean(3, told);
    p.setString(4, key);
    p.addBatch();
  }
}
