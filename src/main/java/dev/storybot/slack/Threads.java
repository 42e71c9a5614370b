package dev.storybot.slack;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories that name their threads, so a thread dump says whose each thread is. */
final class Threads {

  private Threads() {}

  /** Threads called {@code prefix}1, {@code prefix}2…; daemons do not keep the JVM alive. */
  static ThreadFactory named(String prefix, boolean daemon) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(daemon);
      return t;
    };
  }
}
