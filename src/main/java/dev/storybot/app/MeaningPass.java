package dev.storybot.app;

import dev.storybot.index.StoryIndex;
import dev.storybot.search.SentenceVectors;
import dev.storybot.story.Story;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds meaning to an index that has words only: embeds the stories' sentences in the background and swaps in the
 * rebuilt index when done, so `serve` answers by words at once and by meaning as soon as it can. For a shelf read from
 * STORIES_DIR, live reload's first rebuild does this instead (the reloader owns the folder's stories).
 */
final class MeaningPass implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MeaningPass.class);

  private final Thread thread;

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

  private void run(StoryIndex index, List<Story> stories, SentenceVectors vectors) {
    long start = System.nanoTime();
    try {
      int total = vectors.expect(stories);
      log.info("Embedding {} sentences and headlines of {} stories; answering by words alone until then", total,
          stories.size());
      index.rebuild(stories);
      log.info("Answering by meaning as well as words: {} texts embedded, {} reused, in {} s", vectors.embedded(),
          vectors.reused(), (System.nanoTime() - start) / 1_000_000_000);
    } catch (Exception e) {
      log.error("Embedding the stories failed; answering by words alone", e);
    }
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
