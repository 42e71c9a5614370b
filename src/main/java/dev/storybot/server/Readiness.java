package dev.storybot.server;

import java.util.Map;

/** Whether the bot can answer yet (the stories loaded), whether its replies get through, and what /healthz shows. */
public interface Readiness {

  /** True once questions can be answered; until then /healthz and /slack/events answer 503. */
  boolean ready();

  /** True while questions are answered but their replies cannot reach Slack: /healthz says "degraded", still 200. */
  default boolean degraded() {
    return false;
  }

  /** Counts and more for /healthz ("stories", "paragraphs", "generation", …); asked only once {@link #ready()}. */
  Map<String, Object> health();
}
