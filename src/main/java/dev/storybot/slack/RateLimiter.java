package dev.storybot.slack;

/**
 * Flood control: a question takes a token from its asker's bucket (refilled at a per-minute rate) and from everyone's
 * (refilled at a per-second rate), from both or from neither. Each user is told once that they are going too fast,
 * not once per refused question. {@link MemoryRateLimiter} keeps the buckets in this process; replicas sharing a
 * database keep them there, so that a user's limit holds across replicas. Implementations are thread-safe.
 */
public interface RateLimiter {

  /** What to do with a question. */
  enum Decision {
    /** Answer it. */
    ALLOWED,
    /** Refuse it and tell the user, the first time since their bucket ran dry. */
    LIMITED_TELL,
    /** Refuse it quietly: the user has been told already. */
    LIMITED_QUIET;

    /** True unless the question may be answered. */
    public boolean limited() {
      return this != ALLOWED;
    }
  }

  /** Takes a token for a question from {@code user} under the standard per-user limit. */
  Decision tryAcquire(String user);

  /**
   * Takes a token for a question from {@code user} under {@code userLimitPerMinute} (e.g. a channel's own setting;
   * a user's bucket follows the limit of the conversation they ask in).
   */
  Decision tryAcquire(String user, int userLimitPerMinute);
}
