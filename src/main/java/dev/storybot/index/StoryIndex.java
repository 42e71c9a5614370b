package dev.storybot.index;

import dev.storybot.story.FolderStamp;
import dev.storybot.story.Story;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The live paragraph index: hands out searchers over the latest commit and swaps them after a rebuild.
 * Thread-safe; searches never see a half-built index.
 */
public final class StoryIndex implements Rebuilder, AutoCloseable {

  /** Work done with a searcher that may throw Lucene's IOException. */
  @FunctionalInterface
  public interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private final Directory dir;
  private final Path folder;  // null in memory
  private final String where;
  private final SearcherManager manager;
  private final Object writeLock = new Object();
  /** Where rebuilds get the sentences' vectors; null: words alone. */
  private volatile VectorSource vectors;

  private StoryIndex(Directory dir, Path folder) throws IOException {
    this.dir = dir;
    this.folder = folder;
    this.where = folder == null ? "memory" : folder.toString();
    this.manager = new SearcherManager(dir, new SearcherFactory());
  }

  /**
   * Opens the index in {@code folder}.
   *
   * @throws IndexUnavailableException when it holds no index, an unreadable one or one of another schema version
   */
  public static StoryIndex open(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) throw new IndexUnavailableException(noIndex(folder), null);
    Directory dir = FSDirectory.open(folder);
    StoryIndex index;
    try {
      if (!DirectoryReader.indexExists(dir)) {
        throw new IndexUnavailableException(noIndex(folder), null);
      }
      index = new StoryIndex(dir, folder);
    } catch (IOException e) {
      // Corrupt, too old, too new or missing segment files: all mean the same to the user.
      dir.close();
      throw unreadable(folder, e);
    } catch (RuntimeException e) {
      dir.close();
      throw e;
    }
    try {
      index.checkVersion();
      return index;
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  private static String noIndex(Path folder) {
    return "no index in " + folder + ": run `storybot index --stories DIR --index " + folder + "`";
  }

  private static IndexUnavailableException unreadable(Path folder, Exception e) {
    return new IndexUnavailableException("the index in " + folder + " is unreadable (" + e.getMessage()
        + "): rebuild it with `storybot index --stories DIR --index " + folder + "`", e);
  }

  /**
   * Builds (or atomically replaces) the index of words alone in {@code folder} from {@code stories} and opens it.
   *
   * @throws IndexWriteException when writing failed (a full disk): the previous index is intact, nothing is left over
   */
  public static StoryIndex build(Path folder, List<Story> stories, IntConsumer progress) throws IOException {
    return build(folder, stories, progress, null);
  }

  /**
   * Builds (or atomically replaces) the index in {@code folder} from {@code stories}, with meaning from
   * {@code vectors} unless it is null, and opens it; later rebuilds take their vectors from the same source.
   */
  public static StoryIndex build(Path folder, List<Story> stories, IntConsumer progress, VectorSource vectors)
      throws IOException {
    try (Directory dir = FSDirectory.open(folder)) {
      IndexWrite.replace(dir, folder, new StoryIndexer(vectors), stories, progress, null);
    }
    StoryIndex index = open(folder);
    index.embedWith(vectors);
    return index;
  }

  /** As {@link #build(Path, List, IntConsumer)}, recording that the stories were read from the folder {@code from}. */
  public static StoryIndex build(Path folder, List<Story> stories, FolderStamp from) throws IOException {
    try (Directory dir = FSDirectory.open(folder)) {
      IndexWrite.replace(dir, folder, new StoryIndexer(), stories, n -> {}, from);
    }
    return open(folder);
  }

  /** An index held in memory, for the bundled stories, a temporary folder of stories, and tests. */
  public static StoryIndex inMemory(List<Story> stories) {
    return inMemory(stories, null);
  }

  /** An index held in memory, with meaning from {@code vectors} unless it is null. */
  public static StoryIndex inMemory(List<Story> stories, VectorSource vectors) {
    try {
      Directory dir = new ByteBuffersDirectory();
      new StoryIndexer(vectors).write(dir, stories, n -> {});
      StoryIndex index = new StoryIndex(dir, null);
      index.embedWith(vectors);
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("could not build an in-memory index", e);
    }
  }

  /** From the next rebuild on, index meaning with {@code source} too (null: words alone). */
  @Override
  public void embedWith(VectorSource source) {
    this.vectors = source;
  }

  /** Runs {@code work} with a searcher over the latest commit, released afterwards. */
  public <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        return work.apply(searcher);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed on the index in " + where, e);
    }
  }

  /** A searcher for longer work; give it back with {@link #release}. */
  public IndexSearcher acquire() throws IOException {
    return manager.acquire();
  }

  /** Gives back a searcher from {@link #acquire}. */
  public void release(IndexSearcher searcher) throws IOException {
    manager.release(searcher);
  }

  /** Counts and build time of the commit that searches currently see. */
  public IndexStats stats() {
    return withSearcher(searcher -> IndexStats.of((DirectoryReader) searcher.getIndexReader()));
  }

  /** Which stories folder the commit that searches see was built from, when it says. */
  @Override
  public Optional<FolderStamp> builtFrom() {
    return withSearcher(s -> IndexedFrom.read(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData()));
  }

  /**
   * Replaces the index with {@code stories} in one commit, then makes new searches see it.
   *
   * @throws IndexWriteException when writing failed (a full disk): searches keep the previous commit, and nothing
   *     of the failed write is left in the folder
   */
  public IndexStats rebuild(List<Story> stories) throws IOException {
    return rebuild(stories, null);
  }

  /** As {@link #rebuild(List)}, recording that the stories were read from the folder stamped {@code from}. */
  @Override
  public IndexStats rebuild(List<Story> stories, FolderStamp from) throws IOException {
    synchronized (writeLock) {
      VectorSource source = vectors;
      if (source != null) source.expect(stories);
      IndexStats stats = IndexWrite.replace(dir, folder, new StoryIndexer(source), stories, n -> {}, from);
      manager.maybeRefreshBlocking();
      return stats;
    }
  }

  /** Makes new searches see a commit written by another process (e.g. `storybot index`); true when it changed. */
  public boolean refresh() throws IOException {
    long before = stats().generation();
    manager.maybeRefreshBlocking();
    return stats().generation() != before;
  }

  @Override
  public void close() throws IOException {
    try (Directory d = dir) {
      manager.close();
    }
  }

  private void checkVersion() {
    String version = withSearcher(s ->
        ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(IndexSchema.DATA_VERSION));
    if (!IndexSchema.VERSION.equals(version)) {
      throw new IndexUnavailableException("the index in " + where + " has schema version " + version + ", this storybot"
          + " reads version " + IndexSchema.VERSION + ": rebuild it with `storybot index --stories DIR --index "
          + where + "`", null);
    }
  }
}
