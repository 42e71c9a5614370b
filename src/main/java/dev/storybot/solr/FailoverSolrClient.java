package dev.storybot.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.BaseHttpSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.util.NamedList;

/**
 * One client for several Solr nodes of a cluster: each request goes to the first node that is not known to be down,
 * and to the next one when a node cannot be reached or says it is unavailable (502-504, as a stopping Jetty does);
 * any node answers for every collection. SolrJ's own balancing
 * clients need Jetty 10's client, which cannot sit beside our Jetty 12; a load balancer in front of the nodes does
 * the same job with one URL. Thread-safe.
 */
final class FailoverSolrClient extends SolrClient {

  /** How long a node that could not be reached is passed over before it is tried again. */
  static final long DOWN_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final List<String> urls;
  private final List<SolrClient> nodes = new ArrayList<>();
  /** When each node was last found unreachable (System.nanoTime), 0 when never. */
  private final AtomicLongArray downSince;

  FailoverSolrClient(List<String> urls) {
    if (urls.isEmpty()) throw new IllegalArgumentException("no Solr node to talk to");
    this.urls = List.copyOf(urls);
    for (String url : urls) nodes.add(node(url));
    this.downSince = new AtomicLongArray(urls.size());
  }

  /**
   * A client for one node's base URL. HTTP/1.1: over plain HTTP the JDK client would otherwise probe each new
   * connection's first request with a HEAD (for an HTTP/2 upgrade), which Solr logs as an error.
   */
  static SolrClient node(String url) {
    return new HttpJdkSolrClient.Builder(url).useHttp1_1(true)
        .withConnectionTimeout(5, TimeUnit.SECONDS)
        .withRequestTimeout(10, TimeUnit.MINUTES)  // a commit of a large rebuild takes a while
        .build();
  }

  @Override
  public NamedList<Object> request(SolrRequest<?> request, String collection) throws SolrServerException, IOException {
    int first = firstUp();
    Exception unreachable = null;
    for (int k = 0; k < nodes.size(); k++) {
      int i = (first + k) % nodes.size();
      try {
        NamedList<Object> response = nodes.get(i).request(request, collection);
        downSince.set(i, 0);
        return response;
      } catch (SolrServerException e) {
        if (!(e.getCause() instanceof IOException)) throw e;  // Solr answered: another node would say the same
        unreachable = down(i, unreachable, e);
      } catch (IOException e) {
        unreachable = down(i, unreachable, e);
      } catch (BaseHttpSolrClient.RemoteSolrException e) {
        // 502-504: the node is stopping, or a proxy in front of it cannot reach it. Anything else Solr said itself.
        if (e.code() < 502 || e.code() > 504) throw e;
        unreachable = down(i, unreachable, e);
      }
    }
    throw new SolrServerException("no Solr node answered (" + String.join(", ", urls) + ")", unreachable);
  }

  private Exception down(int node, Exception earlier, Exception now) {
    downSince.set(node, System.nanoTime());
    if (earlier == null) return now;
    earlier.addSuppressed(now);
    return earlier;
  }

  // The first node not marked down in the last DOWN_NANOS; the first node when all are.
  private int firstUp() {
    long now = System.nanoTime();
    for (int i = 0; i < nodes.size(); i++) {
      long since = downSince.get(i);
      if (since == 0 || now - since > DOWN_NANOS) return i;
    }
    return 0;
  }

  /** The nodes' base URLs, for messages. */
  List<String> urls() {
    return urls;
  }

  @Override
  public void close() throws IOException {
    IOException failed = null;
    for (SolrClient c : nodes) {
      try {
        c.close();
      } catch (IOException e) {
        if (failed == null) failed = e;
      }
    }
    if (failed != null) throw failed;
  }
}
