package dev.storybot.postgres;

import dev.storybot.config.Config;
import dev.storybot.slack.BotState;
import dev.storybot.slack.EventDeduplicator;
import dev.storybot.slack.MemoryThreadMemory;
import dev.storybot.slack.SeenIds;
import java.time.Clock;
import java.time.Duration;

/** The bot's state in {@link Database}: what {@link BotState} and the server's replay check need, shared by replicas. */
public final class SharedState {

  /** Scope of Slack's event_ids in storybot_seen. */
  static final String EVENTS = "event";
  /** Scope of request signatures in storybot_seen. */
  static final String SIGNATURES = "signature";

  private SharedState() {}

  /** The bot's state in {@code db}, at most {@code pending} questions of this process's pending at once. */
  public static BotState of(Database db, Config config, int pending) {
    return new BotState(new PostgresSeenIds(db, EVENTS, EventDeduplicator.standard()),
        new PostgresRateLimiter(db, config.rateLimits().perUserPerMinute(), config.rateLimits().globalPerSecond()),
        new PostgresThreadMemory(db, new MemoryThreadMemory(MemoryThreadMemory.STANDARD)), new PostgresFeedback(db),
        new PostgresPendingQuestions(db, pending), db.timing().heartbeat());
  }

  /**
   * Request signatures seen by any replica, for the server's replay check: ten minutes of them (a signature is only
   * accepted within five minutes either side of now).
   */
  public static SeenIds signatures(Database db) {
    return new PostgresSeenIds(db, SIGNATURES, new EventDeduplicator(50_000, Duration.ofMinutes(10), Clock.systemUTC()));
  }
}
