package dev.storybot.config;

/**
 * How many questions the bot takes before saying "slow down".
 *
 * @param perUserPerMinute questions one user may ask a minute, in a burst or spread out (RATE_LIMIT_PER_USER_PER_MINUTE)
 * @param globalPerSecond questions everyone together may ask a second (RATE_LIMIT_GLOBAL_PER_SECOND)
 */
public record RateLimits(int perUserPerMinute, int globalPerSecond) {

  /** Default per user: a person reading answers asks a few a minute; ten leaves room for a quick follow-up run. */
  public static final int DEFAULT_PER_USER_PER_MINUTE = 10;
  /** Default for everyone: a few times what four workers answer comfortably, so bursts queue instead of failing. */
  public static final int DEFAULT_GLOBAL_PER_SECOND = 20;
  /** The defaults. */
  public static final RateLimits DEFAULT = new RateLimits(DEFAULT_PER_USER_PER_MINUTE, DEFAULT_GLOBAL_PER_SECOND);

  public RateLimits {
    if (perUserPerMinute < 1) {
      throw new ConfigException(Config.RATE_LIMIT_PER_USER_PER_MINUTE + " must be at least 1, got " + perUserPerMinute);
    }
    if (globalPerSecond < 1) {
      throw new ConfigException(Config.RATE_LIMIT_GLOBAL_PER_SECOND + " must be at least 1, got " + globalPerSecond);
    }
  }
}
