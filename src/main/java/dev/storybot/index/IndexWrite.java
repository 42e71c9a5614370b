package dev.storybot.index;

import dev.storybot.story.FolderStamp;
import dev.storybot.story.Story;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * A complete rebuild of an index folder that leaves nothing behind when it fails. {@link StoryIndexer} publishes
 * nothing until its single commit, but a failed write — a full disk above all — can leave flushed segment files
 * that Lucene does not remove, and they keep the disk full. So every file the write added is deleted again (under
 * the index's write lock, so never another writer's), and the failure comes back as an {@link IndexWriteException}
 * saying how much space is left and what to do.
 */
public final class IndexWrite {

  private IndexWrite() {}

  /**
   * Writes {@code stories} into {@code dir} with {@code indexer} as its new commit, reporting progress per story.
   *
   * @param folder the folder {@code dir} opens, for the message; null for an index in memory
   * @param from the stories folder read, recorded in the commit; null when not read from one
   * @throws IndexWriteException when writing failed; whatever it wrote is gone again
   * @throws LockObtainFailedException when another writer holds the folder (nothing was written)
   */
  public static IndexStats replace(Directory dir, Path folder, StoryIndexer indexer, Iterable<Story> stories,
      IntConsumer progress, FolderStamp from) throws IOException {
    Set<String> before = Set.of(dir.listAll());
    try {
      return indexer.write(dir, stories, progress, from);
    } catch (LockObtainFailedException e) {
      throw e;  // another writer's folder: nothing of ours to remove
    } catch (IOException e) {
      int removed = removeAdded(dir, before);
      if (folder == null) throw e;
      throw failed(folder, e, removed);
    } catch (RuntimeException | Error e) {
      removeAdded(dir, before);
      throw e;
    }
  }

  // Deletes what the failed write added; returns how many files went. Under the write lock, or not at all.
  private static int removeAdded(Directory dir, Set<String> before) {
    int removed = 0;
    try (Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      for (String file : dir.listAll()) {
        if (before.contains(file) || file.equals(IndexWriter.WRITE_LOCK_NAME)) continue;
        try {
          dir.deleteFile(file);
          removed++;
        } catch (IOException e) {
          // left for the next write, which replaces the folder's contents anyway
        }
      }
    } catch (IOException e) {
      // another writer took the folder meanwhile: its files are not ours to delete
    }
    return removed;
  }

  private static IndexWriteException failed(Path folder, IOException e, int removed) {
    boolean full = diskFull(e);
    String space = space(folder);
    String what = full ? "the disk is full" : String.valueOf(e.getMessage());
    String todo = full ? "free space on that disk, or move the index folder to a larger one"
        : "check that the folder is writable and its disk healthy";
    String cleaned = removed == 0 ? "nothing of this write was left behind"
        : "the " + removed + " files this write left were removed";
    return new IndexWriteException("cannot write the index in " + folder + ": " + what + " (" + space + "); the"
        + " previous index is unchanged and " + cleaned + ": " + todo, full, e);
  }

  /** True when {@code e} or a cause says the disk is full, or the quota used up (ENOSPC, EDQUOT). */
  static boolean diskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) return true;
    }
    return false;
  }

  private static String space(Path folder) {
    try {
      FileStore store = Files.getFileStore(folder);
      return bytes(store.getUsableSpace()) + " free of " + bytes(store.getTotalSpace());
    } catch (IOException | RuntimeException e) {
      return "free space unknown";
    }
  }

  /** 512 bytes, 12.0 KB, 3.4 MB, 1.2 GB. */
  static String bytes(long n) {
    if (n < 1024) return n + " bytes";
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    do {
      v /= 1024;
      u++;
    } while (v >= 1024 && u < units.length - 1);
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
