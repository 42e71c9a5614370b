package dev.storybot.bench;

import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The stories of a generated corpus, read shard by shard with the real story loader as they are iterated, so
 * indexing a million paragraphs holds one shard in memory. Counts the time spent reading and what was skipped.
 */
final class CorpusStories implements Iterable<Story> {

  private final Path dir;
  private final int shards;
  private long readNanos;
  private int skipped;

  CorpusStories(Path dir, CorpusManifest manifest) {
    this.dir = dir;
    this.shards = manifest.shards();
  }

  /** Time spent in the story loader so far (reading and parsing files, filtering chrome). */
  long readNanos() {
    return readNanos;
  }

  /** Files or lines the loader skipped so far; a generated corpus should have none. */
  int skipped() {
    return skipped;
  }

  @Override
  public Iterator<Story> iterator() {
    return new Iterator<>() {
      private int shard;
      private Iterator<Story> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && shard < shards) current = load(shard++);
        return current.hasNext();
      }

      @Override
      public Story next() {
        if (!hasNext()) throw new NoSuchElementException();
        return current.next();
      }
    };
  }

  private Iterator<Story> load(int shard) {
    long start = System.nanoTime();
    try {
      StoryLoad load = StoryLoader.load(CorpusGenerator.shardDir(dir, shard));
      skipped += load.skipped().size();
      return load.stories().iterator();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shard " + shard + " of the corpus in " + dir, e);
    } finally {
      readNanos += System.nanoTime() - start;
    }
  }
}
