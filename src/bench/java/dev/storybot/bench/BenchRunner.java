package dev.storybot.bench;

import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.LuceneShelf;
import dev.storybot.app.Meaning;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.embed.ProgressListener;
import dev.storybot.search.SentenceVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Runs every benchmark for each corpus size: corpus, index, answers, cold start, then HTTP and memory. */
public final class BenchRunner {

  /** Paragraphs of the unmeasured warm-up build (at most the first size). */
  static final int WARMUP_PARAGRAPHS = 10_000;

  private final BenchSettings settings;
  private final PrintWriter progress;
  private Meaning meaning = Meaning.off();
  private SentenceVectors vectors;

  /** @param progress where to say what is running (stderr) */
  public BenchRunner(BenchSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs everything the settings ask for. */
  public BenchReport run() throws IOException, InterruptedException {
    double loadBefore = load();
    Files.createDirectories(settings.work());
    warmUpIndexing();
    List<BenchReport.SizeResult> results = new ArrayList<>();
    // With meaning, the vectors are kept in WORK/vectors: a re-run, or a larger corpus sharing sentences, embeds only
    // what is new (as `storybot index` does beside an index).
    meaning = Meaning.of(settings.semantic());
    try (EmbeddingStore store = meaning.on() ? EmbeddingStore.open(settings.work().resolve("vectors"), meaning.embedder())
        : null) {
      vectors = meaning.vectors(store, ProgressListener.none());
      for (int size : settings.sizes()) results.add(size(size));
    }
    return new BenchReport(machine(loadBefore), settings, results);
  }

  private BenchReport.SizeResult size(int paragraphs) throws IOException, InterruptedException {
    Path corpus = settings.work().resolve(String.format(Locale.ROOT, "corpus-%d-seed%d", paragraphs, settings.seed()));
    CorpusManifest manifest = corpus(corpus, paragraphs);
    Path indexDir = settings.work().resolve("index-" + paragraphs);
    deleteTree(indexDir);
    say(paragraphs, "indexing");
    IndexingBench.Result indexing = IndexingBench.run(corpus, manifest, indexDir, vectors);
    if (vectors != null) {
      say(paragraphs, String.format(Locale.ROOT, "embedded %,d texts (%,d kept from earlier runs) at %.0f/s",
          indexing.embedded(), indexing.reused(), indexing.embeddedPerSecond()));
    }
    say(paragraphs, String.format(Locale.ROOT, "indexed in %.1f s; answering", indexing.seconds()));
    List<String> questions;
    AnswerBench.Result answers;
    SolrBench.Result solr = null;
    try (LuceneShelf shelf = new LuceneShelf(StoryIndex.open(indexDir))) {
      questions = QuestionSampler.sample(shelf.index(), settings.questions(), settings.seed());
      answers = AnswerBench.run(new ShelfAnswerer(shelf, meaning.embedder()), new RawBm25(shelf.index()), questions,
          settings.warmup(),
          settings.queries(), settings.excerpts());
      if (settings.solr() != null) {
        say(paragraphs, "indexing into Solr and answering from it beside the embedded index");
        solr = SolrBench.run(settings.solr(), "storybot_bench_" + paragraphs, corpus, manifest,
            new ShelfAnswerer(shelf, meaning.embedder()), vectors, meaning.embedder(), questions, settings.warmup(),
            settings.queries(), settings.excerpts());
      }
    }
    ColdStart.Result cold = null;
    if (settings.coldStarts() > 0) {
      say(paragraphs, "cold starts");
      cold = ColdStart.run(indexDir, questions.get(0), settings.coldStarts(), settings.work());
    }
    HttpLoad.Result http = null;
    BenchReport.Served served = null;
    if (settings.http()) {
      say(paragraphs, "serving with -Xmx" + settings.serveHeap() + " under load");
      try (WebApiStub stub = WebApiStub.start();
           ServeProcess serve = ServeProcess.start(indexDir, settings.serveHeap(), settings.serveJvmArgs(), stub,
               settings.work(), settings.semantic())) {
        HttpLoad load = new HttpLoad(serve.port, stub);
        int warmErrors = settings.httpWarmup() == 0 ? 0
            : load.run(questions, settings.httpClients(), settings.httpWarmup(), settings.httpCap()).errors();
        long cpu = serve.cpuNanos();
        http = load.run(questions, settings.httpClients(), settings.httpRequests(), settings.httpCap());
        double cpuMs = (serve.cpuNanos() - cpu) / 1e6 / http.requests();
        boolean alive = serve.alive();
        int errors = warmErrors + http.errors();
        boolean passed = alive && errors == 0;
        String detail = passed ? "" : !alive ? "serve died: " + serve.errTail() : errors + " commands failed";
        served = new BenchReport.Served(settings.serveHeap(), passed, serve.startSeconds, cpuMs, serve.peakRssBytes(),
            detail);
      }
    }
    return new BenchReport.SizeResult(paragraphs, manifest, indexing, answers, cold, http, served, solr);
  }

  // One unmeasured build first, so the first size is not charged for the JIT compiling the indexer.
  private void warmUpIndexing() throws IOException {
    int size = Math.min(WARMUP_PARAGRAPHS, settings.sizes().get(0));
    Path corpus = settings.work().resolve("warmup-corpus-" + size);
    CorpusManifest m = corpus(corpus, size);
    Path index = settings.work().resolve("warmup-index");
    deleteTree(index);
    say(size, "warming up the indexer");
    IndexingBench.run(corpus, m, index);
    deleteTree(index);
  }

  // The corpus of this size and seed: reused when complete, else (re)generated.
  private CorpusManifest corpus(Path dir, int paragraphs) throws IOException {
    CorpusManifest m = Files.isDirectory(dir) ? CorpusManifest.read(dir) : null;
    if (m != null && m.paragraphs() == paragraphs && m.seed() == settings.seed()) {
      say(paragraphs, "reusing the corpus in " + dir);
      return m;
    }
    deleteTree(dir);
    say(paragraphs, "generating the corpus in " + dir);
    return new CorpusGenerator(settings.seed()).generate(dir, paragraphs);
  }

  // Only ever called on folders the runner itself names inside the work folder.
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private void say(int size, String what) {
    progress.println(String.format(Locale.ROOT, "bench [%,d]: %s", size, what));
    progress.flush();
  }

  private BenchReport.Machine machine(double loadBefore) {
    long memory = -1;
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) memory = sun.getTotalMemorySize();
    return new BenchReport.Machine(Runtime.getRuntime().availableProcessors(), memory,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory(), loadBefore, load());
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
