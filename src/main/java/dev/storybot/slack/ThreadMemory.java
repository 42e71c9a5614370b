package dev.storybot.slack;

import java.util.Optional;

/**
 * The last question the bot answered in each thread, so that a follow-up ("and the hostages?") is read with it.
 * {@link MemoryThreadMemory} keeps it in this process; replicas sharing a database keep it there, so that a
 * follow-up reaching another replica is read with the thread's question too. Implementations are thread-safe.
 */
public interface ThreadMemory {

  /** Notes {@code question} as the latest answered in {@code channel}'s thread {@code threadTs}. */
  void remember(String channel, String threadTs, String question);

  /** The latest question answered in that thread, if the bot answered there. */
  Optional<String> lastQuestion(String channel, String threadTs);

  /** A memory of this process alone, of {@link MemoryThreadMemory#STANDARD} threads. */
  static ThreadMemory standard() {
    return new MemoryThreadMemory(MemoryThreadMemory.STANDARD);
  }
}
