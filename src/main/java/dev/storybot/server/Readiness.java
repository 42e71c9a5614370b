package dev.storybot.server;

import java.util.Map;

/** Whether the bot can answer yet (the stories loaded), and what /healthz shows once it can. */
public interface Readiness {

  /** True once questions can be answered; until then /healthz and /slack/events answer 503. */
  boolean ready();

  /** Counts and more for /healthz ("stories", "paragraphs", "generation", …); asked only once {@link #ready()}. */
  Map<String, Object> health();
}
