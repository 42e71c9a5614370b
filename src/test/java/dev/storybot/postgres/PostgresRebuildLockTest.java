package dev.storybot.postgres;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.RebuildLock;
import dev.storybot.testing.PostgresInstalled;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The advisory lock that makes replicas' Solr rebuilds take turns. */
@ExtendWith(PostgresInstalled.class)
class PostgresRebuildLockTest {

  @Test
  void oneReplicaRebuildsAtATimeAndTheNextGoesOnceItIsDone() throws Exception {
    try (Replicas r = new Replicas()) {
      PostgresRebuildLock a = new PostgresRebuildLock(r.replica());
      PostgresRebuildLock b = new PostgresRebuildLock(r.replica());
      RebuildLock.Held held = a.acquire("stories", Duration.ofSeconds(1));
      IllegalStateException busy = assertThrows(IllegalStateException.class,
          () -> b.acquire("stories", Duration.ofMillis(600)));
      assertTrue(busy.getMessage().contains("stories"), busy.getMessage());
      try (RebuildLock.Held other = b.acquire("other-alias", Duration.ofSeconds(1))) {
        // another alias is another lock
      }
      CountDownLatch waiting = new CountDownLatch(1);
      CompletableFuture<RebuildLock.Held> next = CompletableFuture.supplyAsync(() -> {
        waiting.countDown();
        try {
          return b.acquire("stories", Duration.ofSeconds(30));
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      assertTrue(waiting.await(10, TimeUnit.SECONDS));
      held.close();
      next.get(30, TimeUnit.SECONDS).close();
      a.acquire("stories", Duration.ofSeconds(1)).close();
    }
  }

  @Test
  void aReplicaThatDiesHoldingTheLockLetsItGo() throws Exception {
    try (Replicas r = new Replicas()) {
      Database dying = r.replica();
      new PostgresRebuildLock(dying).acquire("stories", Duration.ofSeconds(1));  // never released by hand
      dying.close();  // its connections close, as a killed process's do
      new PostgresRebuildLock(r.replica()).acquire("stories", Duration.ofSeconds(5)).close();
    }
  }
}
