package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-thread memory of the last question stays bounded, forgetting the threads least recently used. */
class ThreadMemoryTest {

  @Test
  void leastRecentlyUsedThreadIsForgottenFirst() {
    MemoryThreadMemory m = new MemoryThreadMemory(2);
    m.remember("C1", "1.0", "first");
    m.remember("C1", "2.0", "second");
    assertEquals(Optional.of("first"), m.lastQuestion("C1", "1.0"));  // used: now the most recent
    m.remember("C2", "3.0", "third");
    assertEquals(2, m.size());
    assertEquals(Optional.empty(), m.lastQuestion("C1", "2.0"));
    assertEquals(Optional.of("first"), m.lastQuestion("C1", "1.0"));
    assertEquals(Optional.empty(), m.lastQuestion("C1", null), "not in a thread: no context");
  }
}
