package dev.storybot.slack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The replies waiting to be sent, earliest due first; the rate keys Slack has asked to wait (Retry-After); and the
 * outcomes not yet told. Not thread-safe: the {@link Courier} guards it.
 */
final class Backlog {

  /** One reply on its way. */
  static final class Delivery {
    final SlackCall call;
    final long acceptedNanos;
    final Consumer<Courier.Outcome> done;
    int attempts;
    int uses;  // attempts Slack may have counted: all but those it rate-limited (429)
    long due;
    boolean finished;
    private long seq;

    Delivery(SlackCall call, long acceptedNanos, Consumer<Courier.Outcome> done) {
      this.call = call;
      this.acceptedNanos = acceptedNanos;
      this.done = done;
    }
  }

  private static final Comparator<Delivery> ORDER = Comparator.<Delivery>comparingLong(d -> d.due)
      .thenComparingLong(d -> d.seq);
  private final PriorityQueue<Delivery> queue = new PriorityQueue<>(ORDER);
  private final Map<String, Long> pausedUntil = new HashMap<>();
  private List<Runnable> finished = new ArrayList<>();
  private long seq;

  /** Queues {@code d} to go at {@code due} (System.nanoTime()), behind those due earlier or at the same time. */
  void add(Delivery d, long due) {
    d.due = due;
    d.seq = seq++;
    queue.add(d);
  }

  /** Holds back every call of {@code rateKey} until {@code until}. */
  void pause(String rateKey, long until) {
    pausedUntil.merge(rateKey, until, (a, b) -> a - b > 0 ? a : b);
  }

  /** The next delivery due by {@code now} and not held back, removed; null when none. */
  Delivery next(long now) {
    while (!queue.isEmpty() && queue.peek().due - now <= 0) {
      Delivery d = queue.poll();
      Long paused = pausedUntil.get(d.call.rateKey());
      if (paused == null) return d;
      if (paused - now <= 0) {
        pausedUntil.remove(d.call.rateKey());
        return d;
      }
      add(d, paused);  // Slack asked this key to wait: it goes after the pause
    }
    return null;
  }

  /** When the earliest delivery is due; null when none waits. */
  Long nextDue() {
    return queue.isEmpty() ? null : queue.peek().due;
  }

  int size() {
    return queue.size();
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** True when some delivery waits for a retry, not just for its turn. */
  boolean retrying() {
    return queue.stream().anyMatch(d -> d.attempts > 0);
  }

  /** The earliest acknowledgement time among the waiting, or {@code orElse}. */
  long oldestAccepted(long orElse) {
    long oldest = orElse;
    for (Delivery d : queue) if (d.acceptedNanos - oldest < 0) oldest = d.acceptedNanos;
    return oldest;
  }

  /**
   * Makes every delivery waiting for a retry due by {@code now} — only posts to response_urls, or only other calls,
   * when {@code responseUrls} says which; the pauses Slack asked for still hold.
   */
  void expedite(long now, Boolean responseUrls) {
    List<Delivery> all = new ArrayList<>(queue);
    all.sort(ORDER);  // they keep their order
    queue.clear();
    for (Delivery d : all) {
      boolean chosen = d.attempts > 0 && (responseUrls == null || responseUrls == d.call.toResponseUrl());
      add(d, chosen && d.due - now > 0 ? now : d.due);
    }
  }

  /** Makes everything due at {@code now} and forgets the pauses: one last try before closing. */
  void hurry(long now) {
    pausedUntil.clear();
    List<Delivery> all = new ArrayList<>(queue);
    all.sort(ORDER);
    queue.clear();
    for (Delivery d : all) add(d, now);
  }

  /** Ends {@code d} with {@code outcome}, once: its callback is kept for {@link #finished()}. */
  void finish(Delivery d, Courier.Outcome outcome) {
    if (d.finished) return;
    d.finished = true;
    finished.add(() -> d.done.accept(outcome));
  }

  /** The callbacks of the deliveries ended since the last call, to run outside the lock. */
  List<Runnable> finished() {
    List<Runnable> out = finished;
    finished = new ArrayList<>();
    return out;
  }

  /** Removes and returns everything waiting. */
  List<Delivery> takeAll() {
    List<Delivery> all = new ArrayList<>(queue);
    queue.clear();
    return all;
  }
}
