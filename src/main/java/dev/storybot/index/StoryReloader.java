package dev.storybot.index;

import dev.storybot.metrics.Metrics;
import dev.storybot.story.FolderStamp;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads a stories folder and rebuilds the index (embedded, or a Solr collection) from it in one atomic step, so
 * searches in flight keep the old stories and new ones see the new. A file that was read before and now fails keeps
 * its previous stories in the index (reported as "kept"); a folder that cannot be read, or holds no story at all,
 * leaves the index as it was. Not thread-safe by design: one thread (the folder watch's) runs every reload.
 */
public final class StoryReloader {

  private static final Logger log = LoggerFactory.getLogger(StoryReloader.class);

  private final Path dir;
  private final Rebuilder index;
  private final Metrics metrics;
  private StoryLoad previous;
  private volatile ReloadResult last;
  private volatile boolean writeFailed;

  /**
   * A reloader for the index built from {@code initial}, the stories read from {@code dir} at start (or null
   * when the index was opened from disk and nothing of the folder is known yet).
   */
  public StoryReloader(Path dir, Rebuilder index, StoryLoad initial, Metrics metrics) {
    this.dir = dir;
    this.index = index;
    this.metrics = metrics;
    this.previous = initial == null ? new StoryLoad(List.of(), List.of()) : initial;
    IndexStats stats = index.stats();
    List<StoryLoad.Skipped> skipped = initial == null ? List.of() : initial.skipped();
    this.last = new ReloadResult(Instant.now(), skipped.isEmpty() ? "ok" : "partial", stats.stories(),
        stats.paragraphs(), stats.generation(), skipped, List.of(), null, 0);
  }

  /** The outcome of the latest reload (at first, of the initial load). */
  public ReloadResult last() {
    return last;
  }

  /**
   * True when the last reload failed writing the index (a full disk, say) rather than reading the stories: the
   * folder has not changed, so only trying again later will bring its stories in.
   */
  public boolean worthRetrying() {
    return writeFailed;
  }

  /** Reads the folder without touching the index, so that the next reload knows each story's previous version. */
  public void prime() {
    try {
      previous = StoryLoader.load(dir);
    } catch (IOException | RuntimeException e) {
      log.warn("Cannot read {} yet: {}", dir, e.toString());
    }
  }

  /**
   * Reads the folder and swaps the new index in; never throws for bad stories, an unreadable folder or an index that
   * cannot be written (a full disk: see {@link #worthRetrying()}).
   */
  public ReloadResult reload() {
    long start = System.nanoTime();
    writeFailed = false;
    ReloadResult result = read(start);
    last = result;
    metrics.reload(result.result(), result.skipped().size(), System.nanoTime() - start);
    report(result);
    return result;
  }

  // The folder read, then the index written: each failure said for what it is.
  private ReloadResult read(long start) {
    StoryLoad load;
    FolderStamp stamp;
    try {
      // Stamped before it is read: a file changed meanwhile makes the stamp differ, and the next start rebuilds.
      stamp = FolderStamp.of(dir);
      load = StoryLoader.load(dir);
    } catch (IOException | RuntimeException e) {
      return failed("cannot read " + dir + ": " + e, start);
    }
    try {
      return rebuild(load, stamp, start);
    } catch (IndexWriteException e) {
      writeFailed = true;
      return failed(e.getMessage(), start);
    } catch (IOException | RuntimeException e) {
      return failed("rebuilding the index failed, the previous one is kept: " + e, start);
    }
  }

  private ReloadResult rebuild(StoryLoad load, FolderStamp stamp, long start) throws IOException {
    List<Story> stories = new ArrayList<>(load.stories());
    Map<String, String> files = new HashMap<>(load.files());
    List<String> kept = keepBroken(load, stories, files);
    if (stories.isEmpty()) return failed(dir + " holds no readable stories; the index keeps the previous ones", start);
    IndexStats stats = index.rebuild(stories, stamp);
    previous = new StoryLoad(stories, load.skipped(), files);
    return new ReloadResult(Instant.now(), load.skipped().isEmpty() ? "ok" : "partial", stats.stories(),
        stats.paragraphs(), stats.generation(), load.skipped(), kept, null, millis(start));
  }

  // A file skipped now that gave stories before: those stories stay, unless another file now has their id.
  private List<String> keepBroken(StoryLoad load, List<Story> stories, Map<String, String> files) {
    Set<String> broken = load.skipped().stream().map(StoryLoad.Skipped::file).collect(Collectors.toSet());
    Set<String> ids = stories.stream().map(Story::id).collect(Collectors.toSet());
    List<String> kept = new ArrayList<>();
    for (Story old : previous.stories()) {
      String file = previous.files().get(old.id());
      if (file != null && broken.contains(file) && !ids.contains(old.id())) {
        stories.add(old);
        files.put(old.id(), file);
        kept.add(old.id());
      }
    }
    return kept;
  }

  private ReloadResult failed(String error, long start) {
    IndexStats stats = index.stats();
    return new ReloadResult(Instant.now(), "failed", stats.stories(), stats.paragraphs(), stats.generation(),
        List.of(), List.of(), error, millis(start));
  }

  private static void report(ReloadResult r) {
    if (r.error() != null) {
      log.warn("Reload failed: {}", r.error());
      return;
    }
    r.skipped().forEach(s -> log.warn("Reload skipped story file {}", s));
    if (!r.kept().isEmpty()) log.warn("Kept the previous version of {} stories whose files broke: {}", r.kept().size(), r.kept());
    log.atInfo().addKeyValue("stories", r.stories()).addKeyValue("generation", r.generation())
        .addKeyValue("ms", r.millis()).log("Reloaded {} stories ({} paragraphs), index generation {}, in {} ms",
            r.stories(), r.paragraphs(), r.generation(), r.millis());
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
