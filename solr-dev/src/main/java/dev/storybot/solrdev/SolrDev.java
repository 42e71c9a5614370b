package dev.storybot.solrdev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a throwaway SolrCloud on 127.0.0.1 with storybot's configset and prints where it is.
 *
 * <p>Standard output is a line protocol for scripts and tests: {@code SOLR_NODES=}, {@code ZK_HOST=},
 * {@code SOLR_COLLECTION=} (when one was created) and last {@code SOLR_URL=}, which means ready; then one answer line
 * per command read from standard input. Solr's own logging goes to standard error. The cluster stops on Ctrl-C
 * (SIGINT/SIGTERM), on the {@code stop} command, or when standard input closes, so a parent that dies takes it along.
 */
public final class SolrDev {

  /** Jersey logs through java.util.logging; held here because JUL keeps only weak references to its loggers. */
  private static final Logger JERSEY = Logger.getLogger("org.glassfish.jersey");

  private final DevCluster cluster;
  private final PrintStream out;

  private SolrDev(DevCluster cluster, PrintStream out) {
    this.cluster = cluster;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args, projectDir());
    } catch (IllegalArgumentException e) {
      System.err.println("solr-dev: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    // A warning at every start about an optional provider (jakarta.activation) that Solr does not use.
    JERSEY.setLevel(Level.SEVERE);
    long started = System.nanoTime();
    DevCluster cluster = DevCluster.start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(cluster), "solr-dev-shutdown"));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < cluster.size(); i++) urls.add(cluster.url(i));
    String prefix = options.export() ? "export " : "";
    out.println(prefix + "SOLR_NODES=" + String.join(",", urls));
    out.println(prefix + "ZK_HOST=" + cluster.zkHost());
    options.collection().ifPresent(c -> out.println(prefix + "SOLR_COLLECTION=" + c));
    out.println(prefix + "SOLR_URL=" + urls.get(0));
    System.err.printf("solr-dev: %d node(s) ready in %.1f s%n", cluster.size(), (System.nanoTime() - started) / 1e9);

    if (!options.watchStdin()) {
      Thread.currentThread().join();  // until a signal runs the shutdown hook
    }
    new SolrDev(cluster, out).serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    closeQuietly(cluster);
    out.println("stopped");
    // Solr and ZooKeeper leave non-daemon threads behind after shutdown; the cluster is closed, so end here.
    System.exit(0);
  }

  /** Answers commands, one line each, until {@code stop} or the end of input. */
  void serve(BufferedReader in) throws IOException {
    for (String line; (line = in.readLine()) != null; ) {
      String[] words = line.strip().split("\\s+");
      if (words[0].isEmpty()) continue;
      if (words[0].equals("stop")) return;
      try {
        long start = System.nanoTime();
        out.println(run(words));
        System.err.printf("solr-dev: %s took %.1f s%n", line.strip(), (System.nanoTime() - start) / 1e9);
      } catch (Exception e) {
        out.println("error " + e.getMessage());
      }
    }
  }

  private String run(String[] words) throws Exception {
    switch (words[0]) {
      case "nodes" -> {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
          lines.add("node " + i + " " + cluster.url(i) + " " + (cluster.running(i) ? "running" : "stopped"));
        }
        return String.join(" | ", lines);
      }
      case "stop-node" -> {
        int i = nodeNumber(words);
        cluster.stopNode(i);
        return "stopped " + i + " " + cluster.url(i);
      }
      case "start-node" -> {
        int i = nodeNumber(words);
        cluster.startNode(i);
        return "started " + i + " " + cluster.url(i);
      }
      default -> throw new IllegalArgumentException(
          "unknown command: " + words[0] + " (commands: nodes, stop-node I, start-node I, stop)");
    }
  }

  private static int nodeNumber(String[] words) {
    if (words.length != 2) {
      throw new IllegalArgumentException(words[0] + " needs a node number, e.g. " + words[0] + " 1");
    }
    try {
      return Integer.parseInt(words[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a node number: " + words[1]);
    }
  }

  private static void closeQuietly(DevCluster cluster) {
    try {
      cluster.close();
    } catch (Exception e) {
      System.err.println("solr-dev: shutdown failed: " + e);
    }
  }

  /** The storybot project folder: solr-dev/target/solr-dev.jar (or solr-dev/target/classes) is three levels below. */
  private static Path projectDir() {
    try {
      Path code = Path.of(SolrDev.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = code.getParent() == null ? null : code.getParent().getParent();
      return dir == null || dir.getParent() == null ? Path.of("") : dir.getParent();
    } catch (URISyntaxException | SecurityException e) {
      return Path.of("");
    }
  }
}
