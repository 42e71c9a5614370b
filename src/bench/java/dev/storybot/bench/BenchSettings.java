package dev.storybot.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one `storybot bench` run measures and how hard.
 *
 * @param sizes corpus sizes in paragraphs, in the order run
 * @param seed corpus and question seed
 * @param work folder for corpora (kept and reused when the seed and size match) and indexes
 * @param questions distinct questions sampled per size
 * @param warmup unmeasured questions per path before measuring
 * @param queries measured questions per path
 * @param excerpts excerpts per answer (as `ask --top`)
 * @param coldStarts cold starts per size (0: none)
 * @param http whether to serve each index in a child JVM and load it with signed slash commands
 * @param serveHeap -Xmx of the served JVM (the memory check passes when it answers everything with this heap)
 * @param serveJvmArgs further options for the served JVM (e.g. a flight recording)
 * @param httpClients concurrent load clients
 * @param httpRequests measured slash commands (after {@code httpWarmup} unmeasured ones)
 * @param httpWarmup unmeasured slash commands first
 * @param httpCap the most time the measured commands may take
 * @param solr SolrCloud node URLs (comma-separated) to index each corpus into and answer from beside the embedded
 *     index, or null for none
 */
public record BenchSettings(List<Integer> sizes, long seed, Path work, int questions, int warmup, int queries,
                            int excerpts, int coldStarts, boolean http, String serveHeap, List<String> serveJvmArgs, int httpClients,
                            int httpRequests, int httpWarmup, Duration httpCap, String solr, boolean semantic) {

  public BenchSettings {
    sizes = List.copyOf(sizes);
    serveJvmArgs = List.copyOf(serveJvmArgs);
    if (sizes.isEmpty()) throw new IllegalArgumentException("give at least one size");
    for (int s : sizes) {
      if (s < 100 || s > CorpusGenerator.MAX_PARAGRAPHS) {
        throw new IllegalArgumentException("sizes must be in 100.." + CorpusGenerator.MAX_PARAGRAPHS + ", was " + s);
      }
    }
    positive("questions", questions);
    positive("queries", queries);
    positive("excerpts", excerpts);
    positive("http clients", httpClients);
    positive("http requests", httpRequests);
    if (warmup < 0 || coldStarts < 0 || httpWarmup < 0) {
      throw new IllegalArgumentException("warm-up and cold-start counts must not be negative");
    }
    if (!serveHeap.matches("\\d+[kmgKMG]")) {
      throw new IllegalArgumentException("serve heap must look like 256m or 1g, was " + serveHeap);
    }
  }

  private static void positive(String what, int value) {
    if (value < 1) throw new IllegalArgumentException(what + " must be at least 1, was " + value);
  }
}
