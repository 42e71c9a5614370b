package dev.storybot.app;

import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.index.FolderWatch;
import dev.storybot.index.Rebuilder;
import dev.storybot.index.StoryReloader;
import dev.storybot.metrics.Metrics;
import dev.storybot.story.FolderStamp;
import dev.storybot.story.StoryLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `serve`'s live reload: watches STORIES_DIR and rebuilds the index from it when it changes, a second after the
 * last change (or at the next rescan, on filesystems that send no events).
 */
final class LiveStories implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveStories.class);
  /** Quiet time after the last change before reloading: a copy of many files becomes one reload. */
  static final Duration DEBOUNCE = Duration.ofSeconds(1);
  /** How often the folder is compared with what was last read, for changes the watch service missed. */
  static final Duration RESCAN = Duration.ofSeconds(15);
  /** How long a stop waits for a reload in progress. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  /** The first retry of a reload that could not write the index (a full disk); doubled each time, up to RESCAN. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  private final StoryReloader reloader;
  private final FolderWatch watch;

  private LiveStories(StoryReloader reloader, FolderWatch watch) {
    this.reloader = reloader;
    this.watch = watch;
  }

  /**
   * Watches {@code config.storiesDir()} and keeps {@code index} in sync with it; null when STORIES_DIR is unset.
   *
   * @param initial the folder as read to build {@code index}, or null when the index was opened from INDEX_DIR
   * @param rebuildFirst rebuild from the folder at once, whatever it holds (to add meaning to an index of words)
   */
  static LiveStories start(Config config, Rebuilder index, StoryLoad initial, Metrics metrics, boolean rebuildFirst) {
    Path dir = config.storiesDir();
    if (dir == null) return null;
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(Config.STORIES_DIR + "=" + dir + " is not a folder: point it at the folder"
          + " holding your story files");
    }
    StoryReloader reloader = new StoryReloader(dir, index, initial, metrics);
    Retrying reload = new Retrying(reloader);
    // An index that outlives the process (INDEX_DIR, a Solr alias) is checked against the folder first; one that
    // lacks the meaning now asked for is rebuilt from the folder at once.
    Runnable first = rebuildFirst ? reload
        : config.shelf() == Config.Shelf.STORIES_DIR ? null : () -> catchUp(dir, index, reload, reloader, initial);
    try {
      FolderWatch watch = FolderWatch.start(dir, reload, DEBOUNCE, RESCAN, first);
      reload.watched(watch);
      log.info("Watching {} for story changes", dir);
      return new LiveStories(reloader, watch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + dir, e);
    }
  }

  /**
   * A reload that, when it could not write the index (a full disk), tries again on its own — after 1 s, then
   * doubling up to the rescan period — since the folder will not change to prompt it.
   */
  private static final class Retrying implements Runnable {
    private final StoryReloader reloader;
    private FolderWatch watch;  // guarded by this
    private boolean missed;  // a retry wanted before the watch was there; guarded by this
    private Duration next = FIRST_RETRY;  // only the watch's one thread runs reloads

    Retrying(StoryReloader reloader) {
      this.reloader = reloader;
    }

    // The first reload may run (on the watch's thread) before start() returns the watch it would retry through.
    synchronized void watched(FolderWatch w) {
      watch = w;
      if (missed) w.retryIn(next);
    }

    @Override
    public void run() {
      reloader.reload();
      if (!reloader.worthRetrying()) {
        next = FIRST_RETRY;
        return;
      }
      synchronized (this) {
        if (watch != null) {
          log.info("Trying the reload again in {} s", next.toSeconds());
          watch.retryIn(next);
        } else {
          missed = true;
        }
      }
      next = next.multipliedBy(2).compareTo(RESCAN) > 0 ? RESCAN : next.multipliedBy(2);
    }
  }

  // An embedded index records the folder it was built from, and the folder was stamped before the watch began: a
  // file changed in between (during a long rebuild at start, say) is caught here. A Solr alias records what it holds
  // its own way: the reload reads the folder and its rebuilder skips what it already holds. An index opened as it
  // was still needs the folder read, so that a file broken later keeps the version read now.
  private static void catchUp(Path dir, Rebuilder index, Runnable reload, StoryReloader reloader, StoryLoad initial) {
    Optional<FolderStamp> built = index.builtFrom();
    if (built.isEmpty()) {
      if (initial == null) reload.run();
      return;
    }
    Optional<FolderStamp> now;
    try {
      now = Optional.of(FolderStamp.of(dir));
    } catch (IOException e) {
      now = Optional.empty();
    }
    if (!built.equals(now)) {
      log.info("{} changed while the index was being opened; reloading", dir);
      reload.run();
    } else if (initial == null) {
      reloader.prime();
    }
  }

  /** /healthz's "reload": the latest reload's result. */
  Map<String, Object> health() {
    return reloader.last().toMap();
  }

  @Override
  public void close() {
    watch.close(STOP_TIMEOUT);
  }
}
