package dev.storybot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Peak heap in use while a piece of work runs: the heap's used bytes sampled every few milliseconds on a daemon
 * thread (pool peaks from the MX beans would add up peaks of different moments and overstate it).
 */
final class HeapSampler implements AutoCloseable {

  private static final long PERIOD_MS = 5;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;

  private HeapSampler() {
    peak = used();
    thread = new Thread(this::sample, "bench-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts sampling now. */
  static HeapSampler start() {
    return new HeapSampler();
  }

  /** The most heap seen in use since the start, in bytes. */
  long peakBytes() {
    return Math.max(peak, used());
  }

  /** Heap in use after a full collection: the live set, in bytes. */
  static long liveBytes() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private long used() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  private void sample() {
    while (running) {
      long u = used();
      if (u > peak) peak = u;
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
