package dev.storybot.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.config.DatabaseSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that replicas share: a small connection pool, the schema migrated at start (Flyway, versioned SQL
 * under db/migration), this process's row in storybot_replicas kept alive by a heartbeat, and a breaker: after a
 * failure every store answers from this process's memory at once, without waiting on the network, until the next
 * heartbeat reaches the database again. Time-outs are short, as questions are acknowledged within Slack's 3 s.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final int JANITOR_EVERY = 30;

  /** One piece of work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * How this process shows it is alive.
   *
   * @param heartbeat how often it renews its lease (and tries the database again when it was down)
   * @param lease how long after its last heartbeat the others take it for dead and take over its questions
   */
  public record Timing(Duration heartbeat, Duration lease) {
    public Timing {
      if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
        throw new IllegalArgumentException("a lease must outlast two heartbeats, got " + lease + " for " + heartbeat);
      }
    }

    /** A heartbeat every 2 s, dead after 10 s without one. */
    public static Timing standard() {
      return new Timing(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
  }

  private final HikariDataSource pool;
  private final DatabaseSettings settings;
  private final Timing timing;
  private final String replica;
  private final List<Runnable> onHeartbeat = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "storybot-database");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean up = true;
  private volatile String lastError;
  private volatile long downSince;
  private volatile int liveReplicas;
  private int beats;

  private Database(HikariDataSource pool, DatabaseSettings settings, Timing timing) {
    this.pool = pool;
    this.settings = settings;
    this.timing = timing;
    this.replica = host() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Connects, migrates the schema and starts the heartbeat.
   *
   * @throws ConfigException when the database cannot be reached or migrated, naming DATABASE_URL (never its password)
   */
  public static Database open(DatabaseSettings settings, Timing timing) {
    Database db = connect(settings, timing);
    try {
      db.heartbeat();
      if (!db.up) throw new ConfigException("cannot reach " + Config.DATABASE_URL + ": " + db.lastError);
      db.timer.scheduleWithFixedDelay(db::tick, timing.heartbeat().toMillis(), timing.heartbeat().toMillis(),
          TimeUnit.MILLISECONDS);
      log.info("Sharing state in PostgreSQL at {} as replica {}", settings.redactedUrl(), db.replica);
      return db;
    } catch (RuntimeException e) {
      db.pool.close();
      throw e;
    }
  }

  /**
   * Connects and migrates the schema, for a command that reads or locks (`storybot feedback`, `storybot index`): no
   * heartbeat, as it answers no questions.
   *
   * @throws ConfigException as {@link #open}
   */
  public static Database forCommand(DatabaseSettings settings) {
    return connect(settings, Timing.standard());
  }

  private static Database connect(DatabaseSettings settings, Timing timing) {
    HikariDataSource pool = ConnectionPool.of(settings);
    try {
      Flyway.configure().dataSource(pool).table("storybot_schema_history").locations("classpath:db/migration")
          // A database that holds other tables already: ours start after a baseline of nothing.
          .baselineOnMigrate(true).baselineVersion("0").load().migrate();
      return new Database(pool, settings, timing);
    } catch (FlywayException e) {
      pool.close();
      throw new ConfigException("cannot prepare the database at " + Config.DATABASE_URL + "=" + settings.redactedUrl()
          + " (" + rootMessage(e) + "): check that PostgreSQL runs there and that the user may create tables");
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** This process's id among the replicas: host name and a random suffix. */
  public String replica() {
    return replica;
  }

  /** How this process shows it is alive. */
  public Timing timing() {
    return timing;
  }

  /** False from a failure until a heartbeat reaches the database again. */
  public boolean up() {
    return up;
  }

  /** The URL with any password replaced, for messages. */
  public String describe() {
    return settings.redactedUrl();
  }

  /** Runs {@code r} after each heartbeat that reached the database (on the heartbeat's thread). */
  void onHeartbeat(Runnable r) {
    onHeartbeat.add(r);
  }

  /**
   * {@code work} on a pooled connection, or {@code fallback}'s answer while the database is down or when it fails
   * (then it counts as down until the next heartbeat).
   */
  <T> T orElse(String what, Work<T> work, java.util.function.Supplier<T> fallback) {
    if (!up) return fallback.get();
    try {
      return run(what, work);
    } catch (SQLException e) {
      return fallback.get();
    }
  }

  /** {@code work} on a pooled connection; a failure marks the database down and is thrown. */
  <T> T run(String what, Work<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      failed(what, e);
      throw e;
    }
  }

  /** A connection of the pool's for the caller to hold (a session-level lock lives as long as it) and close. */
  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  // The pool's own message ("Connection is not available, request timed out") hides why: the cause says it.
  private void failed(String what, SQLException e) {
    lastError = rootMessage(e);
    if (up) {
      up = false;
      downSince = System.nanoTime();
      log.error("The database at {} failed ({}: {}); answering from this process's memory until it is back",
          settings.redactedUrl(), what, lastError);
    }
  }

  private void tick() {
    heartbeat();
    if (!up) return;
    for (Runnable r : onHeartbeat) {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.warn("A task after the heartbeat failed: {}", e.toString());
      }
    }
    if (++beats % JANITOR_EVERY == 0) Janitor.sweep(this);
  }

  // Renews this process's lease; the first success after a failure brings the database back.
  private void heartbeat() {
    try (Connection c = pool.getConnection();
         PreparedStatement beat = c.prepareStatement("INSERT INTO storybot_replicas (id, host, expires_at)"
             + " VALUES (?, ?, now() + make_interval(secs => ?)) ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at");
         PreparedStatement live = c.prepareStatement("SELECT count(*) FROM storybot_replicas WHERE expires_at > now()")) {
      beat.setString(1, replica);
      beat.setString(2, host());
      beat.setDouble(3, timing.lease().toMillis() / 1000.0);
      beat.executeUpdate();
      try (ResultSet rs = live.executeQuery()) {
        liveReplicas = rs.next() ? rs.getInt(1) : 0;
      }
      if (!up) {
        log.info("The database at {} is back after {} s", settings.redactedUrl(), (System.nanoTime() - downSince) / 1_000_000_000L);
        up = true;
      }
    } catch (SQLException e) {
      failed("heartbeat", e);
    }
  }

  /** /healthz's "database": ok or down (with the error and since when), and the replicas alive. */
  public Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", up ? "ok" : "down");
    h.put("replica", replica);
    if (up) {
      h.put("replicas", liveReplicas);
    } else {
      h.put("down_seconds", (System.nanoTime() - downSince) / 1_000_000_000L);
      h.put("error", String.valueOf(lastError));
    }
    return h;
  }

  /** Stops the heartbeat, removes this process from the replicas (its lease ends now) and closes the pool. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    orElse("leave", c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM storybot_replicas WHERE id = ?")) {
        p.setString(1, replica);
        return p.executeUpdate();
      }
    }, () -> 0);
    pool.close();
  }

  private static String host() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) return env.strip();
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "storybot";
    }
  }

  private static String rootMessage(Throwable e) {
    List<String> seen = new ArrayList<>();
    for (Throwable t = e; t != null && seen.size() < 5; t = t.getCause()) {
      if (t.getMessage() != null) seen.add(t.getMessage().lines().findFirst().orElse(""));
    }
    return seen.isEmpty() ? e.toString() : seen.get(seen.size() - 1);
  }
}
