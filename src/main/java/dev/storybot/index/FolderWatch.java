package dev.storybot.index;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder and its subfolders and runs {@code onChange} once things have been quiet for {@code debounce}.
 * WatchService misses events on some filesystems (NFS, some Docker volume drivers), so a rescan every {@code rescan}
 * compares names, sizes and modification times and runs {@code onChange} when they differ. Every run happens on one
 * thread, one at a time; hidden files (editors' swap files) are ignored.
 */
public final class FolderWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FolderWatch.class);

  private final Path dir;
  private final Runnable onChange;
  private final Duration debounce;
  private final WatchService watcher;
  private final ScheduledThreadPoolExecutor runner;
  private final Thread listener;
  private ScheduledFuture<?> pending;  // guarded by this
  private volatile String fingerprint;

  private FolderWatch(Path dir, Runnable onChange, Duration debounce) throws IOException {
    this.dir = dir;
    this.onChange = onChange;
    this.debounce = debounce;
    this.watcher = dir.getFileSystem().newWatchService();
    this.runner = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "storybot-reload"));
    runner.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);  // close() lets a run finish, starts none
    this.listener = daemon(this::listen, "storybot-watch");
  }

  /**
   * Starts watching {@code dir}, running {@code first} (if not null) at once on the thread that runs every change.
   *
   * @throws IOException when the folder cannot be watched
   */
  public static FolderWatch start(Path dir, Runnable onChange, Duration debounce, Duration rescan, Runnable first)
      throws IOException {
    FolderWatch w = new FolderWatch(dir, onChange, debounce);
    w.fingerprint = fingerprint(dir);
    w.registerTree(dir);
    w.listener.start();
    if (first != null) w.runner.execute(first);
    w.runner.scheduleWithFixedDelay(w::rescan, rescan.toMillis(), rescan.toMillis(), TimeUnit.MILLISECONDS);
    return w;
  }

  /**
   * Runs {@code onChange} again after {@code delay} though nothing changed: for a run that failed for a reason
   * outside the folder (the disk the index is on was full). A change meanwhile runs it as usual too.
   */
  public void retryIn(Duration delay) {
    try {
      runner.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed: nothing more to run
    }
  }

  /** Stops watching; waits up to {@code timeout} for a run in progress to finish. */
  public void close(Duration timeout) {
    try {
      watcher.close();
    } catch (IOException e) {
      log.debug("Closing the watch service failed", e);
    }
    runner.shutdown();  // drops what is scheduled; a reload in progress finishes rather than being interrupted
    try {
      if (!runner.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("A story reload was still running at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  private void listen() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == OVERFLOW) {
            relevant = true;
            continue;
          }
          Path child = ((Path) key.watchable()).resolve((Path) event.context());
          if (child.getFileName().toString().startsWith(".")) continue;
          relevant = true;
          if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) registerTree(child);
        }
        key.reset();
        if (relevant) schedule();
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // closed: stop listening
    } catch (RuntimeException e) {
      log.error("Watching {} stopped; the periodic rescan still picks up changes", dir, e);
    }
  }

  // Each event pushes the run back: a copy of many files becomes one reload once it is done.
  private synchronized void schedule() {
    if (pending != null) pending.cancel(false);
    pending = runner.schedule(this::run, debounce.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void rescan() {
    try {
      if (!fingerprint(dir).equals(fingerprint)) run();
    } catch (RuntimeException e) {
      log.warn("Rescanning {} failed: {}", dir, e.toString());
    }
  }

  private void run() {
    try {
      fingerprint = fingerprint(dir);  // before reading: a change made during the run triggers another
      onChange.run();
    } catch (RuntimeException e) {
      log.error("Reacting to a change in {} failed", dir, e);
    }
  }

  private void registerTree(Path top) {
    try {
      Files.walkFileTree(top, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
          if (!d.equals(dir) && d.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
          d.register(watcher, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      log.warn("Cannot watch {} ({}); the periodic rescan still picks up its changes", top, e.toString());
    }
  }

  /** Names, sizes and modification times of every visible file and folder under {@code dir}, hashed. */
  static String fingerprint(Path dir) {
    TreeSet<String> entries = new TreeSet<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          if (!d.equals(dir) && d.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          if (!f.getFileName().toString().startsWith(".")) {
            entries.add(dir.relativize(f) + "\t" + attrs.size() + "\t" + attrs.lastModifiedTime().toMillis());
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          entries.add(dir.relativize(f) + "\tunreadable");
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String e : entries) sha.update((e + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
