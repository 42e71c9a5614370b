package dev.storybot.postgres;

import dev.storybot.index.InProcessRebuildLock;
import dev.storybot.index.RebuildLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RebuildLock} that replicas share: PostgreSQL's session-level advisory lock (pg_try_advisory_lock), held on
 * a connection of its own for the whole rebuild, so that only one replica rebuilds a Solr alias at a time. A process
 * that dies mid-rebuild loses its connection and with it the lock. Each acquisition is a session of its own, so
 * threads of one process take turns too. When the database cannot be reached, turns are taken within this process
 * alone (two replicas may then build at once: each build is atomic, so the only cost is the work).
 */
public final class PostgresRebuildLock implements RebuildLock {

  private static final Logger log = LoggerFactory.getLogger(PostgresRebuildLock.class);
  private static final long POLL_MILLIS = 500;

  private final Database db;
  private final InProcessRebuildLock local = new InProcessRebuildLock();

  public PostgresRebuildLock(Database db) {
    this.db = db;
  }

  @Override
  public Held acquire(String name, Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    Connection c;
    try {
      c = db.connection();
    } catch (SQLException e) {
      return alone(name, wait, e);
    }
    try {
      while (!tryLock(c, name)) {
        if (System.nanoTime() - end > 0) {
          throw new IllegalStateException("another replica's rebuild of " + name + " has held the lock for over " + wait);
        }
        Thread.sleep(POLL_MILLIS);  // polling another process's lock: there is nothing to wait on
      }
    } catch (SQLException e) {
      close(c);
      return alone(name, wait, e);
    } catch (InterruptedException | RuntimeException e) {
      close(c);
      throw e;
    }
    return () -> {
      try {
        unlock(c, name);
      } finally {
        close(c);  // back to the pool, which keeps the session open: hence the unlock first
      }
    };
  }

  private Held alone(String name, Duration wait, SQLException e) throws InterruptedException {
    log.warn("Rebuilding {} without the database's lock ({}): another replica may build at the same time", name,
        e.getMessage());
    return local.acquire(name, wait);
  }

  private static boolean tryLock(Connection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
      p.setString(1, key(name));
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection c, String name) {
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
      p.setString(1, key(name));
      p.execute();
    } catch (SQLException e) {
      log.warn("Could not release the rebuild lock of {} ({}); it goes with the connection", name, e.getMessage());
      abort(c);
    }
  }

  private static String key(String name) {
    return "storybot rebuild " + name;
  }

  // A connection whose lock could not be released must not go back to the pool holding it.
  private static void abort(Connection c) {
    try {
      c.abort(Runnable::run);
    } catch (SQLException e) {
      // closing below
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("Closing a connection failed", e);
    }
  }
}
