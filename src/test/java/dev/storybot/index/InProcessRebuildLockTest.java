package dev.storybot.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rebuilds of one name take turns; other names do not wait; a rebuild that waits too long is told so. */
class InProcessRebuildLockTest {

  private final InProcessRebuildLock lock = new InProcessRebuildLock();

  @Test
  void aSecondRebuildOfTheSameNameWaitsForTheFirst() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    RebuildLock.Held first = lock.acquire("stories", Duration.ofSeconds(1));
    CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
      try (RebuildLock.Held held = lock.acquire("stories", Duration.ofSeconds(60))) {
        return released.getCount() == 0;  // only got in after the first let go
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    try (RebuildLock.Held other = lock.acquire("other", Duration.ofSeconds(1))) {
      assertFalse(second.isDone(), "still waiting while another name is rebuilt");
    }
    released.countDown();
    first.close();
    assertTrue(second.get(60, TimeUnit.SECONDS));
  }

  @Test
  void waitingLongerThanAllowedIsRefusedWithTheName() throws Exception {
    try (RebuildLock.Held held = lock.acquire("stories", Duration.ofSeconds(1))) {
      IllegalStateException e = CompletableFuture.supplyAsync(() -> assertThrows(IllegalStateException.class,
          () -> lock.acquire("stories", Duration.ofMillis(50)))).get(60, TimeUnit.SECONDS);
      assertTrue(e.getMessage().contains("stories"), e.getMessage());
    }
  }
}
