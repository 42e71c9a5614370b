package dev.storybot.slack;

/**
 * Ids seen recently, to handle each delivery once: Slack's event_ids (its re-deliveries carry the same one) and the
 * server's request signatures (an exact replay carries the same one). {@link EventDeduplicator} keeps them in this
 * process; replicas sharing a database keep them there, so that a re-delivery reaching another replica is known
 * too. Implementations are thread-safe.
 */
public interface SeenIds {

  /**
   * True the first time {@code id} is offered (the caller should handle it), false for a repeat. A null id (not an
   * Events API delivery) is always new.
   */
  boolean firstTime(String id);

  /** Forgets {@code id}, so that the next delivery of it is taken as new (it was refused, not handled). */
  void forget(String id);
}
