package dev.storybot.testing;

import dev.storybot.config.SolrSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

/**
 * A SolrCloud on 127.0.0.1 (solr-dev's MiniSolrCloudCluster, embedded ZooKeeper) in a child JVM, with storybot's
 * configset from the source tree. The child runs Solr's Jetty 10 apart from our Jetty 12; it stops when closed, and
 * also when this JVM dies, because it ends at the end of its standard input.
 *
 * <p>Needs {@code mvn -f solr-dev/pom.xml package} once (.ci/run does it): it runs solr-dev/target/solr-dev.jar with
 * the jars beside it in solr-dev/target/lib, without Maven or network.
 */
public final class SolrCluster implements AutoCloseable {

  /** The configset's name in ZooKeeper, as solr-dev uploads it. */
  public static final String CONFIGSET = "storybot";

  private static final long START_SECONDS = 180;
  private static final long COMMAND_SECONDS = 120;
  private static final String EOF = "\u0000eof";

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> lines;
  private final Path log;
  private final String url;
  private final List<String> nodeUrls;
  private final String zkHost;

  private SolrCluster(Process process, Writer commands, BlockingQueue<String> lines, Path log, String url,
                      List<String> nodeUrls, String zkHost) {
    this.process = process;
    this.commands = commands;
    this.lines = lines;
    this.log = log;
    this.url = url;
    this.nodeUrls = nodeUrls;
    this.zkHost = zkHost;
  }

  /** What to run when solr-dev is missing. */
  static final String HOW_TO_BUILD = "build it once with: mvn -B -f solr-dev/pom.xml package";

  /** solr-dev's jar in {@code projectDir}, present once the module is built. */
  public static Path jar(Path projectDir) {
    return projectDir.resolve("solr-dev").resolve("target").resolve("solr-dev.jar");
  }

  /** What of solr-dev's build is missing in {@code projectDir}, or null when it is all there. */
  static String missing(Path projectDir) {
    Path jar = jar(projectDir);
    if (Files.isRegularFile(jar) && Files.isDirectory(jar.resolveSibling("lib"))) return null;
    return "solr-dev is not built (" + jar + " or its lib/ folder is missing)";
  }

  /**
   * Starts {@code nodes} Solr nodes and waits until they answer. Skips the calling test (fails it in CI) when
   * solr-dev is not built. Solr's log goes to {@code projectDir}/target/solr-dev.log.
   */
  public static SolrCluster start(Path projectDir, int nodes) throws IOException, InterruptedException {
    Path jar = jar(projectDir);
    String missing = missing(projectDir);
    if (missing != null) Prerequisite.missing(missing, HOW_TO_BUILD);
    Path configset = projectDir.resolve("src/main/resources/solr/configsets/storybot/conf");
    Path log = Files.createDirectories(projectDir.resolve("target")).resolve("solr-dev.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A small heap is plenty for test collections; the serial collector keeps the child's footprint down.
    Process process = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString(),
        "--nodes", Integer.toString(nodes), "--configset", configset.toString())
        .redirectError(log.toFile())
        .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> pump(process, lines), "solr-dev-stdout");
    reader.setDaemon(true);
    reader.start();
    Writer commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);

    String url = null;
    List<String> nodeUrls = List.of();
    String zkHost = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (url == null) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(EOF)) {
        process.destroyForcibly();
        throw new IOException("solr-dev did not start within " + START_SECONDS + " s"
            + (line == null ? "" : " (it exited with " + process.waitFor() + ")") + "; its log: " + log);
      }
      if (line.startsWith("SOLR_NODES=")) nodeUrls = List.of(value(line).split(","));
      if (line.startsWith("ZK_HOST=")) zkHost = value(line);
      if (line.startsWith("SOLR_URL=")) url = value(line);
    }
    return new SolrCluster(process, commands, lines, log, url, nodeUrls, zkHost);
  }

  /** A node's base URL, http://127.0.0.1:PORT/solr: any node answers for every collection. */
  public String url() {
    return url;
  }

  /** Every node's base URL in solr-dev's order (the positions that {@link #stopNode} takes). */
  public List<String> nodeUrls() {
    return nodeUrls;
  }

  public String zkHost() {
    return zkHost;
  }

  /** A new client for {@link #url()}, over the JDK's HTTP client; the caller closes it. */
  public SolrClient newClient() {
    return client(url);
  }

  /**
   * A client for one node's base URL. HTTP/1.1: over plain HTTP the JDK client would otherwise probe each new
   * client's first update with a HEAD request (for an HTTP/2 upgrade), which Solr logs as an error.
   */
  public static SolrClient client(String baseUrl) {
    return new HttpJdkSolrClient.Builder(baseUrl).useHttp1_1(true).build();
  }

  /** Creates {@code name} from storybot's configset, 1 shard with a replica on every node, all active on return. */
  public void createCollection(String name) throws IOException, SolrServerException {
    try (SolrClient client = newClient()) {
      CollectionAdminRequest.Create create =
          CollectionAdminRequest.createCollection(name, CONFIGSET, 1, nodeUrls.size());
      create.setWaitForFinalState(true);
      create.process(client);
    }
  }

  /** Deletes collection {@code name}. */
  public void deleteCollection(String name) throws IOException, SolrServerException {
    try (SolrClient client = newClient()) {
      CollectionAdminRequest.deleteCollection(name).process(client);
    }
  }

  /** Deletes alias {@code alias} if it exists, and every collection of its generations (ALIAS_N_STAMP). */
  public void dropAlias(String alias) throws IOException, SolrServerException {
    try (SolrClient client = newClient()) {
      if (new CollectionAdminRequest.ListAliases().process(client).getAliases().containsKey(alias)) {
        CollectionAdminRequest.deleteAlias(alias).process(client);
      }
      for (String c : CollectionAdminRequest.listCollections(client)) {
        if (c.matches(Pattern.quote(alias) + "_\\d+_[0-9a-z]+")) {
          CollectionAdminRequest.deleteCollection(c).process(client);
        }
      }
    }
  }

  /** The settings of a shelf on alias {@code alias} of this cluster, over every node. */
  public SolrSettings settings(String alias) {
    return new SolrSettings(nodeUrls, alias);
  }

  /** Stops node {@code i} (its position in {@link #nodeUrls()}); returns solr-dev's answer. */
  public String stopNode(int i) throws IOException, InterruptedException {
    return command("stop-node " + i, "stopped ");
  }

  /** Starts node {@code i} again on its port and waits until every replica is active again. */
  public String startNode(int i) throws IOException, InterruptedException {
    return command("start-node " + i, "started ");
  }

  private synchronized String command(String command, String expected) throws IOException, InterruptedException {
    commands.write(command + "\n");
    commands.flush();
    String answer = lines.poll(COMMAND_SECONDS, TimeUnit.SECONDS);
    if (answer == null || !answer.startsWith(expected)) {
      throw new IOException("solr-dev answered " + (answer == null ? "nothing" : "'" + answer + "'") + " to '"
          + command + "'; its log: " + log);
    }
    return answer;
  }

  /** Stops the cluster: solr-dev shuts down when its standard input ends, and is killed if it takes too long. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      commands.close();
    } catch (IOException e) {
      // the child has gone already
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void pump(Process process, BlockingQueue<String> lines) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) lines.add(line);
    } catch (IOException e) {
      // the child ended; the end marker below says so
    }
    lines.add(EOF);
  }

  private static String value(String line) {
    return line.substring(line.indexOf('=') + 1).strip();
  }

  @Override
  public String toString() {
    return "SolrCluster" + nodeUrls + " zk=" + zkHost + " log=" + log;
  }
}
