package dev.storybot.postgres;

import dev.storybot.config.DatabaseSettings;
import dev.storybot.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two (or more) processes' worth of {@link Database} on one fresh database, and a starting gun for racing them. */
final class Replicas implements AutoCloseable {

  private final List<Database> open = new ArrayList<>();
  final String url;

  Replicas() throws Exception {
    url = TestDatabases.fresh();
  }

  /** A new replica's database: its own pool, its own heartbeat. */
  Database replica() {
    Database db = Database.open(new DatabaseSettings(url, null, null), Database.Timing.standard());
    open.add(db);
    return db;
  }

  /** Runs every task at once, released together by one latch, and returns their results in order. */
  static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> t : tasks) {
        futures.add(pool.submit(() -> {
          go.await();
          return t.call();
        }));
      }
      go.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) out.add(f.get());
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    for (Database db : open) db.close();
  }
}
