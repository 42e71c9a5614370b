package dev.storybot.slack;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PendingQuestions} in this process's memory, at most {@code capacity} at once. Questions are kept in
 * acknowledgement order, so the oldest is the first.
 */
public final class MemoryPendingQuestions implements PendingQuestions {

  private static final class Entry {
    final PendingQuestion question;
    boolean answered;

    Entry(PendingQuestion question) {
      this.question = question;
    }
  }

  private final int capacity;
  private final LinkedHashMap<String, Entry> pending = new LinkedHashMap<>();

  /** A journal of at most {@code capacity} pending questions. */
  public MemoryPendingQuestions(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    this.capacity = capacity;
  }

  @Override
  public synchronized Taken accept(PendingQuestion q) {
    if (pending.containsKey(q.id())) return Taken.DUPLICATE;
    if (pending.size() >= capacity) return Taken.FULL;
    pending.put(q.id(), new Entry(q));
    return Taken.NEW;
  }

  @Override
  public synchronized boolean answered(String id, SlackCall reply) {
    Entry e = pending.get(id);
    if (e == null || e.answered) return false;
    e.answered = true;
    return true;
  }

  @Override
  public synchronized void finished(String id, Courier.Outcome outcome) {
    pending.remove(id);
  }

  @Override
  public synchronized int pending() {
    return pending.size();
  }

  @Override
  public synchronized Optional<Instant> oldest() {
    for (Map.Entry<String, Entry> e : pending.entrySet()) return Optional.of(e.getValue().question.acceptedAt());
    return Optional.empty();
  }
}
