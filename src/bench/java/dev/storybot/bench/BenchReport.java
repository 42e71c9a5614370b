package dev.storybot.bench;

import java.util.List;

/**
 * Everything one `storybot bench` run measured.
 *
 * @param machine where it ran
 * @param settings how it ran
 * @param sizes one result per corpus size
 */
public record BenchReport(Machine machine, BenchSettings settings, List<SizeResult> sizes) {

  public BenchReport {
    sizes = List.copyOf(sizes);
  }

  /**
   * The machine and JVM.
   *
   * @param cores processors available to the JVM
   * @param memoryBytes physical memory, or -1 when unknown
   * @param java java.vm.name and java.runtime.version
   * @param os os.name, os.version and os.arch
   * @param maxHeapBytes this JVM's -Xmx
   * @param loadBefore system load average when the run began (other builders share the machine)
   * @param loadAfter system load average when it ended
   */
  public record Machine(int cores, long memoryBytes, String java, String os, long maxHeapBytes, double loadBefore,
                        double loadAfter) {}

  /**
   * The figures for one corpus size; a part not measured is null.
   *
   * @param paragraphs corpus size
   * @param corpus the corpus
   * @param indexing building its index
   * @param answers answer latency against raw Lucene
   * @param coldStart a new JVM to first answer
   * @param http signed slash commands against `serve`
   * @param served the served JVM (with the small heap) under that load: the memory check
   * @param solr the same corpus in SolrCloud beside the embedded index
   */
  public record SizeResult(int paragraphs, CorpusManifest corpus, IndexingBench.Result indexing,
                           AnswerBench.Result answers, ColdStart.Result coldStart, HttpLoad.Result http,
                           Served served, SolrBench.Result solr) {}

  /**
   * The served JVM: the memory check passes when, with the small heap, it answered every command.
   *
   * @param heap its -Xmx
   * @param passed true when every command was answered and the JVM was still running afterwards
   * @param startSeconds process start to /healthz answering 200 (index open)
   * @param cpuMsPerCommand its CPU time per measured command (HTTP, Bolt, answer, reply post), all threads
   * @param peakRssBytes its peak resident memory, or -1 when unknown
   * @param detail why it failed, or "" when it passed
   */
  public record Served(String heap, boolean passed, double startSeconds, double cpuMsPerCommand, long peakRssBytes,
                       String detail) {}
}
