package dev.storybot.app;

import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.index.FolderWatch;
import dev.storybot.index.IndexStats;
import dev.storybot.index.Rebuilder;
import dev.storybot.index.StoryReloader;
import dev.storybot.metrics.Metrics;
import dev.storybot.story.StoryLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
    // An index opened from INDEX_DIR may predate the folder's files: rebuild from the folder at start if so, else
    // just read it, so that a file broken later keeps the version read now.
    boolean stale = initial == null && changedSince(dir, index.stats());
    Runnable first = rebuildFirst || stale ? reloader::reload : initial != null ? null : reloader::prime;
    try {
      FolderWatch watch = FolderWatch.start(dir, reloader::reload, DEBOUNCE, RESCAN, first);
      log.info("Watching {} for story changes{}", dir, stale ? "; it changed since the index was built, reloading" : "");
      return new LiveStories(reloader, watch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + dir, e);
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

  // True when any file or folder under dir was modified after the index was built (or the build time is unknown).
  private static boolean changedSince(Path dir, IndexStats stats) {
    Instant builtAt = stats.builtAt();
    if (builtAt == null) return true;
    AtomicBoolean newer = new AtomicBoolean();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          return check(attrs);
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          return check(attrs);
        }

        private FileVisitResult check(BasicFileAttributes attrs) {
          if (attrs.lastModifiedTime().toInstant().isAfter(builtAt)) newer.set(true);
          return newer.get() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return true;
    }
    return newer.get();
  }
}
