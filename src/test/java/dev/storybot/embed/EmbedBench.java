package dev.storybot.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.storybot.search.Sentences;
import dev.storybot.search.TextRange;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Embedding speed on this machine, our session against langchain4j's stock class in one run, plus load time, RSS and
 * heap. A benchmark, not a test: run it by hand on a quiet machine (see package-info for the command).
 *
 * <pre>
 * EmbedBench [--sentences N] [--rounds R] [--threads T] [--paragraphs] [--only PREFIX] [--budgets T1,T2,...]
 *            [story folder ...]
 * </pre>
 *
 * The texts are the sentences of the story files of the folders (by default the repository's own stories), split as
 * storybot splits them, or with {@code --paragraphs} their whole paragraphs, repeated up to N: speed depends on their
 * lengths, not on their words. Each configuration runs once per round, interleaved, so drift in the machine's load
 * spreads over all of them; the table shows the median and the range. {@code --only} keeps the configurations whose
 * name starts with PREFIX: ONNX Runtime keeps each session's largest run as its arena, so the RSS at the end is that
 * of the configurations run. {@code --budgets} adds configurations of up to 64 texts and at most T padded tokens a
 * run. Beside wall-clock speed it shows the process's CPU time per text, which another busy
 * process on the machine disturbs far less: on an otherwise idle machine, processors ÷ CPU time bounds the speed.
 */
public final class EmbedBench {

  private EmbedBench() {}

  public static void main(String[] args) throws Exception {
    int count = 1000;
    int rounds = 3;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean paragraphs = false;
    String only = "";
    List<Integer> budgets = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sentences" -> count = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--paragraphs" -> paragraphs = true;
        case "--only" -> only = args[++i];
        case "--budgets" -> Arrays.stream(args[++i].split(",")).map(Integer::valueOf).forEach(budgets::add);
        default -> folders.add(Path.of(args[i]));
      }
    }
    if (folders.isEmpty()) {
      folders = List.of(Path.of("src/main/resources/stories"), Path.of("src/test/resources/stories"),
          Path.of("src/test/resources/eval/stories"));
    }
    List<String> distinct = texts(folders, paragraphs);
    List<String> texts = new ArrayList<>();
    while (texts.size() < count) texts.addAll(distinct.subList(0, Math.min(distinct.size(), count - texts.size())));
    System.out.printf("%d %s (%d distinct, %.0f characters on average) from %s%n", texts.size(),
        paragraphs ? "paragraphs" : "sentences",
        distinct.size(), distinct.stream().mapToInt(String::length).average().orElse(0), folders);
    System.out.printf("%d processors, load average %.2f; ours with %d intra-op threads%n",
        Runtime.getRuntime().availableProcessors(), loadAverage(), threads);
    System.out.printf("before loading: RSS %d MB, heap live %d MB%n", rssMb(), liveHeapMb());

    long t0 = System.nanoTime();
    OnnxEmbedder first = OnnxEmbedder.load(EmbedderSettings.withThreads(threads));
    double coldMs = (System.nanoTime() - t0) / 1e6;
    first.embed("warm up");
    System.out.printf("ours: first load %.0f ms (native libraries unpacked and loaded, session built); "
        + "RSS %d MB, heap live %d MB after loading%n", coldMs, rssMb(), liveHeapMb());

    Map<String, Consumer<List<String>>> runs = new LinkedHashMap<>();
    List<AutoCloseable> open = new ArrayList<>(List.of(first));
    runs.put("ours, defaults (" + EmbedderSettings.DEFAULT_BATCH_SIZE + " texts, "
        + EmbedderSettings.DEFAULT_BATCH_TOKENS + " tokens)", first::embedAll);
    for (int size : new int[] {1, 8, 16, 32, 64}) {
      String name = "ours, batch " + size;
      if (!name.startsWith(only)) continue;
      t0 = System.nanoTime();
      OnnxEmbedder e = OnnxEmbedder.load(
          EmbedderSettings.withThreads(threads).withBatchSize(size).withBatchTokens(Integer.MAX_VALUE));
      if (size == 1) System.out.printf("ours: another load %.0f ms%n", (System.nanoTime() - t0) / 1e6);
      open.add(e);
      runs.put(name, e::embedAll);
    }
    for (int budget : budgets) {
      OnnxEmbedder e = OnnxEmbedder.load(
          EmbedderSettings.withThreads(threads).withBatchSize(64).withBatchTokens(budget));
      open.add(e);
      runs.put("ours, ≤64 texts, ≤" + budget + " tokens", e::embedAll);
    }
    if ("stock".startsWith(only) || only.startsWith("stock")) {  // "", "st…", "stock, …"
      t0 = System.nanoTime();
      AllMiniLmL6V2QuantizedEmbeddingModel stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
      System.out.printf("stock: first load %.0f ms (ONNX Runtime already loaded by ours)%n",
          (System.nanoTime() - t0) / 1e6);
      runs.put("stock, embedAll (its own executor)",
          list -> stock.embedAll(list.stream().map(TextSegment::from).toList()));
      runs.put("stock, embed one at a time", list -> list.forEach(stock::embed));
    }
    String keep = only;
    runs.keySet().removeIf(name -> !name.startsWith(keep));
    System.out.printf("all loaded: RSS %d MB%n", rssMb());

    Map<String, double[]> rates = new LinkedHashMap<>();
    Map<String, double[]> cpu = new LinkedHashMap<>();
    for (Map.Entry<String, Consumer<List<String>>> run : runs.entrySet()) {
      run.getValue().accept(texts.subList(0, Math.min(64, texts.size())));  // warm-up
      rates.put(run.getKey(), new double[rounds]);
      cpu.put(run.getKey(), new double[rounds]);
    }
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Consumer<List<String>>> run : runs.entrySet()) {
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        run.getValue().accept(texts);
        rates.get(run.getKey())[r] = texts.size() / ((System.nanoTime() - start) / 1e9);
        cpu.get(run.getKey())[r] = (cpuNanos() - cpuStart) / 1e6 / texts.size();
      }
    }
    System.out.printf("%n| configuration | texts/s (median of %d) | range | CPU ms a text (median) |%n"
        + "|---|---:|---|---:|%n", rounds);
    for (Map.Entry<String, double[]> rate : rates.entrySet()) {
      double[] sorted = rate.getValue().clone();
      Arrays.sort(sorted);
      double[] cpuSorted = cpu.get(rate.getKey()).clone();
      Arrays.sort(cpuSorted);
      System.out.printf("| %s | %.0f | %.0f–%.0f | %.2f |%n", rate.getKey(), sorted[sorted.length / 2], sorted[0],
          sorted[sorted.length - 1], cpuSorted[cpuSorted.length / 2]);
    }
    System.out.printf("%nload average at the end %.2f; RSS %d MB%n", loadAverage(), rssMb());
    for (AutoCloseable c : open) c.close();
  }

  static List<String> texts(List<Path> folders, boolean wholeParagraphs) throws IOException {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Path folder : folders) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(folder)) {
        files = walk.filter(p -> p.toString().endsWith(".txt") && !p.endsWith("index.txt")).sorted().toList();
      }
      for (Path f : files) {
        String[] paragraphs = Files.readString(f).split("\\n\\s*\\n");
        for (String p : Arrays.asList(paragraphs).subList(1, paragraphs.length)) {  // the first is the headline
          String text = p.strip().replaceAll("\\s+", " ");
          if (wholeParagraphs) {
            out.add(text);
          } else {
            for (TextRange r : Sentences.split(text)) out.add(r.of(text));
          }
        }
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException("no text in " + folders);
    return new ArrayList<>(out);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static long rssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
    }
    return -1;
  }

  private static long liveHeapMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }
}
