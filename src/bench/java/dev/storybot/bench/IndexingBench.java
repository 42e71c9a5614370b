package dev.storybot.bench;

import dev.storybot.index.IndexStats;
import dev.storybot.index.StoryIndexer;
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
   */
  public record Result(int paragraphs, int stories, double seconds, double readSeconds, double paragraphsPerSecond,
                       double mbPerSecond, long indexBytes, long peakHeapBytes, double cpuSeconds) {}

  private IndexingBench() {}

  /**
   * Indexes the corpus in {@code corpus} into {@code index} (replacing what is there).
   *
   * @throws IllegalStateException when the loader skipped any generated file: the corpus is damaged
   */
  static Result run(Path corpus, CorpusManifest manifest, Path index) throws IOException {
    CorpusStories stories = new CorpusStories(corpus, manifest);
    Files.createDirectories(index);
    HeapSampler.liveBytes(); // start from a collected heap, so the peak is the build's own
    long start = System.nanoTime();
    long startCpu = processCpuNanos();
    IndexStats stats;
    long peak;
    try (HeapSampler heap = HeapSampler.start(); Directory dir = FSDirectory.open(index)) {
      stats = new StoryIndexer().write(dir, stories, n -> {});
      peak = heap.peakBytes();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - startCpu) / 1e9;
    if (stories.skipped() > 0) {
      throw new IllegalStateException(stories.skipped() + " generated files were skipped in " + corpus
          + ": delete the folder and let the benchmark generate it again");
    }
    return new Result(stats.paragraphs(), stats.stories(), seconds, stories.readNanos() / 1e9,
        stats.paragraphs() / seconds, manifest.textBytes() / 1e6 / seconds, sizeOf(index), peak, cpuSeconds);
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
