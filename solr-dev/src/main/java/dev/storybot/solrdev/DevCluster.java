package dev.storybot.solrdev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/** A MiniSolrCloudCluster on 127.0.0.1 with storybot's configset, whose nodes can be stopped and started again. */
final class DevCluster implements AutoCloseable {

  /** The name the configset is uploaded under; collections are created from it. */
  static final String CONFIG_NAME = "storybot";

  private static final int WAIT_SECONDS = 60;

  private final MiniSolrCloudCluster cluster;
  /** Every node in start order; MiniSolrCloudCluster forgets stopped ones, so positions are kept here. */
  private final List<JettySolrRunner> nodes;
  private final Path base;
  private final boolean deleteBase;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DevCluster(MiniSolrCloudCluster cluster, Path base, boolean deleteBase) {
    this.cluster = cluster;
    this.nodes = List.copyOf(cluster.getJettySolrRunners());
    this.base = base;
    this.deleteBase = deleteBase;
  }

  /** Starts ZooKeeper and the Solr nodes, uploads the configset, and creates the collection if one is asked for. */
  static DevCluster start(Options options) throws Exception {
    boolean temporary = options.base().isEmpty();
    Path base = temporary ? Files.createTempDirectory("solr-dev") : options.base().get();
    // Solr's startup check wants a log folder even though everything is logged to standard error.
    System.setProperty("solr.log.dir", Files.createDirectories(base.resolve("logs")).toString());
    // The test ZooKeeper counts watches to catch leaks in Solr's own tests; a report at shutdown is noise here.
    System.setProperty("tests.zk.violationReportAction", "IGNORE");
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(options.nodes(), base)
        .addConfig(CONFIG_NAME, options.configset())
        .withTraceIdGenerationDisabled()  // its default draws from the randomized-test context we are not in
        .build();
    DevCluster dev = new DevCluster(cluster, base, temporary);
    try {
      if (options.collection().isPresent()) dev.createCollection(options.collection().get());
    } catch (Exception | Error e) {
      dev.close();
      throw e;
    }
    return dev;
  }

  /** Creates {@code name} from the storybot configset, 1 shard with a replica on every node, and waits for it. */
  void createCollection(String name) throws Exception {
    CollectionAdminRequest.createCollection(name, CONFIG_NAME, 1, nodes.size()).process(cluster.getSolrClient());
    cluster.waitForActiveCollection(name, WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The ZooKeeper address with Solr's chroot, for clients that read the cluster state. */
  String zkHost() {
    return cluster.getZkServer().getZkAddress();
  }

  /** Node {@code i}'s base URL, http://127.0.0.1:PORT/solr. */
  String url(int i) {
    return node(i).getBaseUrl().toString();
  }

  int size() {
    return nodes.size();
  }

  boolean running(int i) {
    return node(i).isRunning();
  }

  /** Stops node {@code i}; its replicas go down and the others take over as leaders. */
  void stopNode(int i) throws Exception {
    JettySolrRunner node = node(i);
    if (!node.isRunning()) throw new IllegalStateException("node " + i + " is already stopped");
    cluster.stopJettySolrRunner(node);
    cluster.waitForJettyToStop(node);
  }

  /** Starts node {@code i} again on its old port and waits until every collection's replicas are active. */
  void startNode(int i) throws Exception {
    JettySolrRunner node = node(i);
    if (node.isRunning()) throw new IllegalStateException("node " + i + " is already running");
    cluster.startJettySolrRunner(node, true);
    cluster.waitForNode(node, WAIT_SECONDS);
    for (String collection : cluster.getZkStateReader().getClusterState().getCollectionNames()) {
      cluster.waitForActiveCollection(collection, WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private JettySolrRunner node(int i) {
    if (i < 0 || i >= nodes.size()) {
      throw new IllegalArgumentException("no node " + i + ": nodes are 0 to " + (nodes.size() - 1));
    }
    return nodes.get(i);
  }

  /** Stops every node and ZooKeeper, and deletes the data folder if it was a temporary one. Safe to call twice. */
  @Override
  public void close() throws Exception {
    if (!closed.compareAndSet(false, true)) return;
    try {
      cluster.shutdown();
    } finally {
      if (deleteBase) deleteTree(base);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
