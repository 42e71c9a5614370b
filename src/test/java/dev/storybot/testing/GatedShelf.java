package dev.storybot.testing;

import dev.storybot.index.IndexStats;
import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.PassageHits;
import dev.storybot.search.Scope;
import dev.storybot.search.Shelf;
import dev.storybot.search.StoryPage;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A shelf whose searches wait at a gate until the test opens it: answering threads that are busy for as long as a
 * test needs, without sleeping, so that a load is "far above capacity" however fast the machine is.
 */
public final class GatedShelf implements Shelf {

  private final Shelf shelf;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch reached = new CountDownLatch(1);

  /** {@code shelf}, its searches held until {@link #open()}. */
  public GatedShelf(Shelf shelf) {
    this.shelf = shelf;
  }

  /** Lets every search through, from now on. */
  public void open() {
    gate.countDown();
  }

  /** Waits until a search is held at the gate: an answering thread is busy. */
  public void awaitHeld() throws InterruptedException {
    if (!reached.await(30, TimeUnit.SECONDS)) throw new AssertionError("no search reached the gate");
  }

  @Override
  public Snapshot snapshot() {
    Snapshot s = shelf.snapshot();
    return new Snapshot() {
      @Override
      public AnalyzedQuestion corrected(AnalyzedQuestion question) {
        return s.corrected(question);
      }

      @Override
      public PassageHits search(AnalyzedQuestion question, Scope scope, int n) {
        reached.countDown();
        try {
          if (!gate.await(2, TimeUnit.MINUTES)) throw new IllegalStateException("the gate was never opened");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted at the gate", e);
        }
        return s.search(question, scope, n);
      }

      @Override
      public List<String> nearestTitles(AnalyzedQuestion question, Scope scope, int n) {
        return s.nearestTitles(question, scope, n);
      }

      @Override
      public StoryPage newest(Scope scope, int offset, int limit) {
        return s.newest(scope, offset, limit);
      }

      @Override
      public IndexStats stats() {
        return s.stats();
      }

      @Override
      public void close() {
        s.close();
      }
    };
  }

  @Override
  public void close() {
    gate.countDown();
    shelf.close();
  }
}
