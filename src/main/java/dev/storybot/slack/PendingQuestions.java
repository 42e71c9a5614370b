package dev.storybot.slack;

import java.time.Instant;
import java.util.Optional;

/**
 * The journal of acknowledged questions, each on its way from accepted to answered to finished (delivered, or given
 * up): what makes "every acknowledged question ends in one reply" checkable, and bounded. {@link MemoryPendingQuestions}
 * keeps it in this process; a table shared by replicas can implement it so that a question acknowledged by a process
 * that then dies is answered by another (issue 15). Implementations are thread-safe.
 */
public interface PendingQuestions {

  /** Whether a question was taken on. */
  enum Taken {
    /** Recorded: it must now be answered or told. */
    NEW,
    /** Already pending under the same id (a re-delivery): nothing more to do. */
    DUPLICATE,
    /** The journal is full: refuse the question before acknowledging it. */
    FULL
  }

  /** Records {@code q} as acknowledged, unless it is known already or the journal is full. */
  Taken accept(PendingQuestion q);

  /**
   * The reply to question {@code id} is ready (an answer or a notice) and goes out as {@code reply}. False when the
   * question had a reply already, or is not pending: the caller must not send this one (each question gets one).
   */
  boolean answered(String id, SlackCall reply);

  /** Question {@code id} is done: its reply delivered, refused by Slack, or given up. */
  void finished(String id, Courier.Outcome outcome);

  /** Questions acknowledged and not yet finished. */
  int pending();

  /** When the oldest pending question was acknowledged; empty when none is. */
  Optional<Instant> oldest();
}
