package dev.storybot.app;

import dev.storybot.index.StoryIndex;
import dev.storybot.search.SentenceVectors;
import dev.storybot.story.Story;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds meaning to an index that has words only: embeds the stories' sentences in the background and swaps in the
 * rebuilt index when done, so `serve` answers by words at once and by meaning as soon as it can. /healthz shows the
 * progress.
 */
final class MeaningPass implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MeaningPass.class);

  private final Thread thread;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger total = new AtomicInteger();
  private volatile String state = "embedding";

  private MeaningPass(StoryIndex index, List<Story> stories, SentenceVectors vectors) {
    this.thread = new Thread(() -> run(index, stories, vectors), "storybot-embedding");
    thread.setDaemon(true);
  }

  /** Starts embedding {@code stories} with {@code vectors} and rebuilding {@code index} from them. */
  static MeaningPass start(StoryIndex index, List<Story> stories, SentenceVectors vectors) {
    MeaningPass pass = new MeaningPass(index, stories, vectors);
    pass.thread.start();
    return pass;
  }

  /** Where the texts are: each progress call of the vector source lands here. */
  void progress(int embedded, int of) {
    done.set(embedded);
    total.set(of);
  }

  private void run(StoryIndex index, List<Story> stories, SentenceVectors vectors) {
    long start = System.nanoTime();
    try {
      total.set(vectors.expect(stories));
      log.info("Embedding {} sentences and headlines of {} stories; answering by words alone until then", total.get(),
          stories.size());
      index.rebuild(stories);
      state = "on";
      log.info("Answering by meaning as well as words: {} texts embedded, {} reused, in {} s", vectors.embedded(),
          vectors.reused(), (System.nanoTime() - start) / 1_000_000_000);
    } catch (Exception e) {
      state = "failed";
      log.error("Embedding the stories failed; answering by words alone", e);
    }
  }

  /** /healthz's "meaning" while this pass runs or after it: its state and progress. */
  Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("state", state);
    if (state.equals("embedding")) {
      h.put("embedded", done.get());
      h.put("of", total.get());
    }
    return h;
  }

  /** Waits a little for the pass to notice the stop; the index it writes to is closed after this. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
