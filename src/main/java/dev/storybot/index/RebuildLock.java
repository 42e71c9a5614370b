package dev.storybot.index;

import java.time.Duration;

/**
 * Makes rebuilds of one shared index take turns, so that of several replicas reloading the same stories only one
 * builds at a time. {@link InProcessRebuildLock} is enough for one process; replicas sharing a database use one
 * lock there instead.
 */
public interface RebuildLock {

  /** A held lock; closing it lets the next rebuild in. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Waits up to {@code wait} for the lock named {@code name} (one per index or collection alias).
   *
   * @throws IllegalStateException when another rebuild still holds it after {@code wait}
   */
  Held acquire(String name, Duration wait) throws InterruptedException;
}
