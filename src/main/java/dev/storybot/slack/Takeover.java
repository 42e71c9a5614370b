package dev.storybot.slack;

import dev.storybot.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up, every {@code every}, the questions that other processes sharing the {@link PendingQuestions journal}
 * acknowledged and did not finish (they died, or stopped and handed them over), and replies to each once: the reply
 * that process had made, sent as it is; else the question answered again; else — when it is older than
 * {@link #STALE}, or was no question — its asker told it was lost. A response_url lives 30 minutes: past that the
 * asker is told in a DM when known, else the question is given up (logged and counted).
 */
final class Takeover implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Takeover.class);
  /** An answer this late would puzzle more than help: the asker is told to ask again instead. */
  static final Duration STALE = Duration.ofMinutes(10);

  private final PendingQuestions journal;
  private final Questions questions;
  private final Answering answering;
  private final Duration responseUrlLife;
  private final Metrics metrics;
  private final BooleanSupplier ready;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Threads.named("storybot-takeover-", true));

  private Takeover(PendingQuestions journal, Questions questions, Answering answering, Duration responseUrlLife,
      Metrics metrics, BooleanSupplier ready) {
    this.journal = journal;
    this.questions = questions;
    this.answering = answering;
    this.responseUrlLife = responseUrlLife;
    this.metrics = metrics;
    this.ready = ready;
  }

  /** Sweeps {@code journal} every {@code every} from now on, once {@code ready} (the stories are loaded). */
  static Takeover start(PendingQuestions journal, Questions questions, Answering answering, Duration responseUrlLife,
      Duration every, Metrics metrics, BooleanSupplier ready) {
    Takeover t = new Takeover(journal, questions, answering, responseUrlLife, metrics, ready);
    t.timer.scheduleWithFixedDelay(t::sweep, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return t;
  }

  // Takes only what the queue has room for: what is left stays in the journal for the next sweep, or another replica.
  private void sweep() {
    try {
      int room = answering.room();
      if (room == 0 || !ready.getAsBoolean()) return;
      List<PendingQuestions.Adopted> adopted = journal.adoptOrphans(Math.min(room, 50));
      for (PendingQuestions.Adopted a : adopted) take(a);
    } catch (RuntimeException e) {
      log.error("Taking over questions left by stopped replicas failed; trying again at the next sweep", e);
    }
  }

  private void take(PendingQuestions.Adopted a) {
    PendingQuestion q = a.question();
    Duration age = Duration.between(q.acceptedAt(), Instant.now());
    // A response_url's life counts from the question; a post to a conversation has the courier's whole time from now.
    long acceptedNanos = System.nanoTime() - (q.to() instanceof Destination.Private ? Math.max(0, age.toNanos()) : 0);
    if (q.to() == null) {  // the Home tab: it is published again when next opened
      journal.finished(q.id(), Courier.Outcome.DELIVERED);
      counted(q, "nothing_owed");
      return;
    }
    boolean urlExpired = q.to() instanceof Destination.Private && age.compareTo(responseUrlLife) >= 0;
    if (urlExpired) {
      if (q.asker() == null) {
        log.warn("Gave up a {} taken over {} s after it was asked: its response_url has expired and the asker is"
            + " unknown", q.kind(), age.toSeconds());
        journal.finished(q.id(), Courier.Outcome.GAVE_UP);
        counted(q, "gave_up");
        return;
      }
      answering.adopt(questions.resume(q, acceptedNanos, false, new Destination.Conversation(q.asker(), null)), null);
      counted(q, "told_lost");
      return;
    }
    if (a.reply() != null) {
      answering.adopt(questions.resume(q, acceptedNanos, false, null), a.reply());
      counted(q, "reply_sent");
      return;
    }
    boolean answer = q.ask() != null && age.compareTo(STALE) < 0;
    answering.adopt(questions.resume(q, acceptedNanos, answer, null), null);
    counted(q, answer ? "answered" : "told_lost");
  }

  private void counted(PendingQuestion q, String outcome) {
    log.info("Took over a {} acknowledged by a replica that stopped: {}", q.kind(), outcome.replace('_', ' '));
    Counter.builder("storybot.questions.taken.over").description("Questions taken over from replicas that stopped")
        .tag("outcome", outcome).register(metrics.registry()).increment();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
