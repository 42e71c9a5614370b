package dev.storybot.index;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A {@link RebuildLock} for rebuilds within this process: one fair lock per name. */
public final class InProcessRebuildLock implements RebuildLock {

  private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  @Override
  public Held acquire(String name, Duration wait) throws InterruptedException {
    ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock(true));
    if (!lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException("another rebuild of " + name + " has held the lock for over " + wait);
    }
    return lock::unlock;
  }
}
