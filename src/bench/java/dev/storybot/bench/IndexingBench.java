package dev.storybot.bench;

import dev.storybot.index.IndexStats;
import dev.storybot.index.StoryIndexer;
import dev.storybot.index.VectorSource;
import dev.storybot.search.SentenceVectors;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Builds the index of a generated corpus with the real indexer, from story files to the commit, and times it. */
final class IndexingBench {

  /**
   * What one build cost.
   *
   * @param paragraphs paragraphs indexed
   * @param stories stories indexed
   * @param seconds wall time from the first file read to the commit
   * @param readSeconds of which in the story loader (reading, parsing, chrome filtering)
   * @param paragraphsPerSecond paragraphs over {@code seconds}
   * @param mbPerSecond megabytes (10^6) of paragraph text over {@code seconds}
   * @param indexBytes the index's files on disk
   * @param peakHeapBytes the most heap in use during the build
   * @param cpuSeconds CPU time of this JVM during the build (all threads: indexing, merges, GC, JIT)
   * @param embedded sentences and headlines embedded by the model (0 by words alone, or when all were kept)
   * @param reused vectors taken from the embedding store instead
   * @param embedSeconds wall time spent embedding (within {@code seconds})
   */
  public record Result(int paragraphs, int stories, double seconds, double readSeconds, double paragraphsPerSecond,
                       double mbPerSecond, long indexBytes, long peakHeapBytes, double cpuSeconds, long embedded,
                       long reused, double embedSeconds) {

    /** Texts embedded per second of embedding; NaN when none were. */
    public double embeddedPerSecond() {
      return embedded == 0 ? Double.NaN : embedded / embedSeconds;
    }
  }

  private IndexingBench() {}

  /**
   * Indexes the corpus in {@code corpus} into {@code index} (replacing what is there).
   *
   * @throws IllegalStateException when the loader skipped any generated file: the corpus is damaged
   */
  static Result run(Path corpus, CorpusManifest manifest, Path index) throws IOException {
    return run(corpus, manifest, index, null);
  }

  /** As {@link #run(Path, CorpusManifest, Path)}, embedding with {@code vectors} unless it is null. */
  static Result run(Path corpus, CorpusManifest manifest, Path index, SentenceVectors vectors) throws IOException {
    CorpusStories stories = new CorpusStories(corpus, manifest);
    Files.createDirectories(index);
    HeapSampler.liveBytes(); // start from a collected heap, so the peak is the build's own
    long start = System.nanoTime();
    long startCpu = processCpuNanos();
    IndexStats stats;
    long peak;
    long[] embedNanos = {0};
    VectorSource timed = vectors == null ? null : new VectorSource() {
      @Override
      public String modelId() {
        return vectors.modelId();
      }

      @Override
      public StoryVectors vectors(dev.storybot.story.Story story) {
        long t = System.nanoTime();
        try {
          return vectors.vectors(story);
        } finally {
          embedNanos[0] += System.nanoTime() - t;
        }
      }
    };
    try (HeapSampler heap = HeapSampler.start(); Directory dir = FSDirectory.open(index)) {
      stats = new StoryIndexer(timed).write(dir, stories, n -> {});
      peak = heap.peakBytes();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - startCpu) / 1e9;
    if (stories.skipped() > 0) {
      throw new IllegalStateException(stories.skipped() + " generated files were skipped in " + corpus
          + ": delete the folder and let the benchmark generate it again");
    }
    return new Result(stats.paragraphs(), stats.stories(), seconds, stories.readNanos() / 1e9,
        stats.paragraphs() / seconds, manifest.textBytes() / 1e6 / seconds, sizeOf(index), peak, cpuSeconds,
        vectors == null ? 0 : vectors.embedded(), vectors == null ? 0 : vectors.reused(), embedNanos[0] / 1e9);
  }

  // CPU time of the whole JVM, or 0 where the platform does not say (then cpuSeconds reads 0).
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
