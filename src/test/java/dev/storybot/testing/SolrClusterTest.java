package dev.storybot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.solr.SolrDocuments;
import dev.storybot.story.Story;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The test cluster itself: two nodes on loopback, and a collection that survives one of them stopping. */
@ExtendWith(SolrClusterExtension.class)
class SolrClusterTest {

  @Test
  void nodesListenOnLoopback(SolrCluster solr) {
    assertEquals(SolrClusterExtension.NODES, solr.nodeUrls().size());
    for (String url : solr.nodeUrls()) assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/solr"), url);
    assertEquals(solr.nodeUrls().get(0), solr.url());
    assertTrue(solr.zkHost().startsWith("127.0.0.1:"), solr.zkHost());
  }

  @Test
  void aCollectionKeepsAnsweringAndTakingUpdatesWithOneNodeStoppedAndTheNodeCatchesUp(SolrCluster solr,
      @TempDir Path temp) throws Exception {
    String collection = "failover";
    List<Story> stories = Fixtures.stories(temp);
    List<SolrInputDocument> docs = SolrDocuments.of(stories);
    solr.createCollection(collection);
    try (SolrClient client = solr.newClient()) {
      client.add(collection, docs.subList(1, docs.size()));
      client.commit(collection);
      assertEquals(docs.size() - 1, count(client, collection, false));

      assertTrue(solr.stopNode(1).startsWith("stopped 1 "));
      try {
        // The remaining replica answers, and becomes leader if it was not, so updates go on.
        assertEquals(docs.size() - 1, count(client, collection, false));
        client.add(collection, docs.get(0));
        client.commit(collection);
        assertEquals(docs.size(), count(client, collection, false));
      } finally {
        assertTrue(solr.startNode(1).startsWith("started 1 "));
      }
      // Node 1's own replica (no fan-out) has caught up with the update it missed.
      try (SolrClient node1 = SolrCluster.client(solr.nodeUrls().get(1))) {
        assertEquals(docs.size(), count(node1, collection, true));
      }
    } finally {
      solr.deleteCollection(collection);
    }
  }

  private static long count(SolrClient client, String collection, boolean localOnly) throws Exception {
    SolrQuery q = new SolrQuery("*:*").setRows(0);
    if (localOnly) q.set("distrib", false);
    return client.query(collection, q).getResults().getNumFound();
  }
}
