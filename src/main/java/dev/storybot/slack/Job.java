package dev.storybot.slack;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the bot owes for one acknowledged request: the question as data, the work that makes its reply (run on an
 * answering thread), and the notice that takes the reply's place when it cannot be answered.
 *
 * @param question the journal's record of it
 * @param acceptedNanos System.nanoTime() at acknowledgement: how long it has waited
 * @param work makes the reply (searching, rendering); null when there is nothing to send after all
 * @param notice a short notice with the given text, sent where the reply would have gone; null when no one waits
 *     for a reply (the Home tab)
 * @param eyesOn the :eyes: reaction that says "working on it", or null
 * @param eyesOff its removal, or null
 */
record Job(PendingQuestion question, long acceptedNanos, Supplier<SlackCall> work, Function<String, SlackCall> notice,
           SlackCall eyesOn, SlackCall eyesOff) {

  /** A job acknowledged now, without reactions. */
  static Job of(String id, String kind, Ask ask, Destination to, String asker, Supplier<SlackCall> work,
      Function<String, SlackCall> notice) {
    PendingQuestion q = new PendingQuestion(id == null ? UUID.randomUUID().toString() : id, kind, ask, to, asker,
        Instant.now());
    return new Job(q, System.nanoTime(), work, notice, null, null);
  }

  /** This job with :eyes: on message {@code ts} in {@code channel} while it is worked on. */
  Job withEyes(String channel, String ts) {
    return new Job(question, acceptedNanos, work, notice, SlackCall.reaction(true, channel, ts, EYES),
        SlackCall.reaction(false, channel, ts, EYES));
  }

  /** The reaction's name. */
  static final String EYES = "eyes";

  String kind() {
    return question.kind();
  }
}
