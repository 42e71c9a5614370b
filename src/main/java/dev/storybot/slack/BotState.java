package dev.storybot.slack;

import dev.storybot.config.Config;
import dev.storybot.feedback.FeedbackLog;
import dev.storybot.feedback.FeedbackStore;
import java.time.Duration;

/**
 * What the bot remembers between requests: in this process's memory ({@link #inMemory}), or in a database that
 * replicas share, so that they act as one bot (issue 15).
 *
 * @param events Slack's event_ids seen, so that a re-delivery is answered once
 * @param limiter the per-user and global rate limits
 * @param threads each thread's last question, for follow-ups
 * @param feedback where 👍/👎 clicks go
 * @param journal questions acknowledged and not yet replied to
 * @param sweep how often questions that other processes left in a {@link PendingQuestions#shared() shared} journal
 *     are looked for
 */
public record BotState(SeenIds events, RateLimiter limiter, ThreadMemory threads, FeedbackStore feedback,
                       PendingQuestions journal, Duration sweep) {

  /** Every piece in this process's memory, the feedback in FEEDBACK_DIR, at most {@code pending} pending questions. */
  public static BotState inMemory(Config config, int pending) {
    return new BotState(EventDeduplicator.standard(), new MemoryRateLimiter(config.rateLimits().perUserPerMinute(),
        config.rateLimits().globalPerSecond()), ThreadMemory.standard(), new FeedbackLog(config.feedbackDir()),
        new MemoryPendingQuestions(pending), Duration.ofSeconds(2));
  }
}
