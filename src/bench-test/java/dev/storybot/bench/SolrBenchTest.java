package dev.storybot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.cli.Run;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `storybot bench --solr`: a generated corpus of 5,000 paragraphs (sources, bylines, dates, a long tail of names) in
 * Solr beside the embedded index, both with the paragraphs' vectors (the bench's default, --semantic on); all 500
 * questions get the same answers from both, by words and meaning, and both latencies are reported. No timing is
 * asserted.
 */
@ExtendWith(SolrClusterExtension.class)
class SolrBenchTest {

  static final int SIZE = 5000;

  @TempDir Path temp;
  SolrCluster solr;

  @AfterEach
  void drop() throws Exception {
    if (solr != null) solr.dropAlias("storybot_bench_" + SIZE);
  }

  @Test
  void fiveHundredQuestionsGetTheSameAnswersFromSolrAndTheEmbeddedIndex(SolrCluster cluster) throws Exception {
    solr = cluster;
    Run run = Run.of("bench", "--sizes", Integer.toString(SIZE), "--work", temp.toString(), "--questions", "500",
        "--warmup", "20", "--queries", "100", "--cold-starts", "0", "--no-http", "--json",
        "--solr", String.join(",", cluster.nodeUrls()));
    assertEquals(0, run.exitCode(), run.err());
    JsonNode s = new ObjectMapper().readTree(run.out()).path("sizes").get(0).path("solr");
    assertEquals("storybot_bench_" + SIZE, s.path("alias").asText());
    assertEquals(SIZE, s.path("paragraphs").asInt());
    assertEquals(500, s.path("questions").asInt());
    assertEquals(500, s.path("sameAnswers").asInt(), s.toString());
    for (String path : new String[] {"embedded", "solr"}) {
      assertEquals(100, s.path(path).path("count").asInt(), path);
      assertTrue(s.path(path).path("p50").asDouble() > 0, path);
    }
    assertTrue(s.path("indexSeconds").asDouble() > 0 && s.path("ratio").path("p50").asDouble() > 0, s.toString());
  }
}
