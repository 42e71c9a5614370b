package dev.storybot.slack;

import dev.storybot.metrics.Metrics;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answering threads: a few, as the work is CPU (search, rendering), with a short bounded queue, and nothing on
 * them ever waits for Slack — replies go to the {@link Courier}. Every job taken on is recorded in the
 * {@link PendingQuestions} and ends in one reply: its answer, or a notice ("busy, ask again in a minute") when the
 * queue is full or it waited too long. When even the journal is full, nothing is promised: the caller refuses the
 * request before acknowledging it (or tells the asker in the acknowledgement).
 */
final class Answering implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Answering.class);
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  /** What became of a job offered. */
  enum Admission {
    /** Taken on: its answer is coming. */
    ACCEPTED,
    /** Too busy to answer, and a notice saying so is on its way. */
    TOLD_BUSY,
    /** Too busy, and nothing was sent: tell the asker in the acknowledgement, or refuse the request. */
    BUSY
  }

  private final ThreadPoolExecutor workers;
  private final Duration maxWait;
  private final PendingQuestions journal;
  private final Courier courier;
  private final Metrics metrics;
  private final AtomicInteger refusals = new AtomicInteger();
  private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  /**
   * {@code workers} threads and {@code queue} jobs waiting; a job that waited longer than {@code maxWait} is told
   * instead of answered.
   */
  Answering(int workers, int queue, Duration maxWait, PendingQuestions journal, Courier courier, Metrics metrics) {
    this.workers = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
        Threads.named("storybot-answer-", false));
    this.maxWait = maxWait;
    this.journal = journal;
    this.courier = courier;
    this.metrics = metrics;
  }

  /**
   * Takes {@code job} on if there is room. With {@code ackCanTell} (a slash command, whose acknowledgement can carry
   * a message) a job that cannot be answered now comes back {@link Admission#BUSY} for the acknowledgement to say
   * so; otherwise the asker is sent a notice, unless even the journal is full.
   */
  Admission submit(Job job, boolean ackCanTell) {
    String kind = job.kind();
    switch (journal.accept(job.question())) {
      case DUPLICATE:
        return Admission.ACCEPTED;
      case FULL:
        refused(kind, "backlog_full", ackCanTell ? "ack" : "refused");
        return Admission.BUSY;
      default:
        break;
    }
    CompletableFuture<Boolean> eyes = job.eyesOn() == null ? null : new CompletableFuture<>();
    try {
      workers.execute(() -> run(job, eyes));
      // "Working on it", once it is: best-effort, and skipped when replies queue up.
      if (eyes != null) courier.bestEffort(job.eyesOn(), false).thenAccept(eyes::complete);
      return Admission.ACCEPTED;
    } catch (RejectedExecutionException e) {
      refused(kind, "queue_full", ackCanTell ? "ack" : "notice");
      if (ackCanTell) {
        journal.finished(job.question().id(), Courier.Outcome.DELIVERED);  // told in the acknowledgement
        return Admission.BUSY;
      }
      reply(job, job.notice() == null ? null : job.notice().apply(Questions.BUSY), null);
      return Admission.TOLD_BUSY;
    }
  }

  // Counted each time; logged at most every 10 s, with how many since, so that a flood never floods the log.
  private void refused(String kind, String reason, String told) {
    metrics.questionRefused(kind, reason, told);
    refusals.incrementAndGet();
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last < LOG_EVERY_NANOS || !lastLogged.compareAndSet(last, now)) return;
    log.warn("Too busy: {} questions not answered in the last {} s (the latest a {}: {}, told by {}); {} waiting for a"
        + " thread, {} owed a reply", refusals.getAndSet(0), LOG_EVERY_NANOS / 1_000_000_000L, kind, reason, told,
        waiting(), journal.pending());
  }

  /** Questions waiting for an answering thread. */
  int waiting() {
    return workers.getQueue().size();
  }

  private void run(Job job, CompletableFuture<Boolean> eyes) {
    SlackCall reply;
    if (System.nanoTime() - job.acceptedNanos() > maxWait.toNanos()) {
      refused(job.kind(), "waited", "notice");
      reply = job.notice() == null ? null : job.notice().apply(Questions.BUSY);
    } else {
      try {
        reply = job.work() == null ? null : job.work().get();
      } catch (RuntimeException e) {
        log.error("Handling a {} failed", job.kind(), e);
        reply = job.notice() == null ? null : job.notice().apply(ReplyRenderer.ERROR);
      }
    }
    reply(job, reply, eyes);
  }

  // The one reply of a job: recorded as its answer, then handed to the courier; its end is journalled and counted.
  private void reply(Job job, SlackCall reply, CompletableFuture<Boolean> eyes) {
    String id = job.question().id();
    if (reply == null) {
      journal.finished(id, Courier.Outcome.DELIVERED);  // nothing owed after all
      return;
    }
    if (!journal.answered(id, reply)) return;
    courier.deliver(reply, job.acceptedNanos(), outcome -> {
      journal.finished(id, outcome);
      metrics.replied(job.kind(), outcome.name().toLowerCase(java.util.Locale.ROOT), System.nanoTime() - job.acceptedNanos());
      if (eyes != null) eyes.thenAccept(added -> {
        if (added) courier.bestEffort(job.eyesOff(), true);  // what we put on we take off, pressure or not
      });
    });
  }

  /** Lets the jobs taken on finish (up to 10 s): their replies go to the courier, which closes after. */
  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("{} answers still running at shutdown; abandoning them", workers.getActiveCount());
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

}
