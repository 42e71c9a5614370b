package dev.storybot.app;

import dev.storybot.config.Config;
import dev.storybot.index.InProcessRebuildLock;
import dev.storybot.index.RebuildLock;
import dev.storybot.metrics.Metrics;
import dev.storybot.postgres.Database;
import dev.storybot.postgres.PostgresRebuildLock;
import dev.storybot.postgres.SharedState;
import dev.storybot.slack.BotState;
import dev.storybot.slack.SeenIds;
import io.micrometer.core.instrument.Gauge;

/**
 * What `serve` remembers and where: with DATABASE_URL, the PostgreSQL replicas share (its health on /healthz, its
 * state in a gauge); without, this process's memory.
 */
final class SharedDatabase implements AutoCloseable {

  private final Database db;
  private final BotState state;

  private SharedDatabase(Database db, BotState state) {
    this.db = db;
    this.state = state;
  }

  /**
   * Opens DATABASE_URL's database, if set, migrating its schema.
   *
   * @throws dev.storybot.config.ConfigException when it is set and cannot be reached or prepared
   */
  static SharedDatabase open(Config config, int pending, ShelfGate gate, Metrics metrics) {
    if (config.database() == null) return new SharedDatabase(null, BotState.inMemory(config, pending));
    Database db = Database.open(config.database(), Database.Timing.standard());
    gate.watchDatabase(() -> !db.up(), db::health);
    Gauge.builder("storybot.database.up", db, d -> d.up() ? 1 : 0)
        .description("1 while the shared database answers, 0 while state is kept in this process's memory")
        .register(metrics.registry());
    return new SharedDatabase(db, SharedState.of(db, config, pending));
  }

  /** The bot's state: in the database, or in memory. */
  BotState state() {
    return state;
  }

  /** Request signatures seen by every replica, or null for the server's own memory. */
  SeenIds signatures() {
    return db == null ? null : SharedState.signatures(db);
  }

  /** The lock Solr rebuilds take turns by: between replicas through the database, else within this process. */
  RebuildLock rebuildLock() {
    return db == null ? new InProcessRebuildLock() : new PostgresRebuildLock(db);
  }

  /** Leaves the replicas (its lease ends now) and closes the pool; call after the bot has handed its questions over. */
  @Override
  public void close() {
    if (db != null) db.close();
  }
}
