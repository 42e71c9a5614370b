package dev.storybot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.story.Attribution;
import dev.storybot.story.Story;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import dev.storybot.solr.SolrDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.BaseHttpSolrClient;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storybot configset keeps what the embedded index stores, and holds the paragraphs' vectors for knn search in
 * the graph the embedded index builds (dimensions, dot product, HNSW settings).
 */
@ExtendWith(SolrClusterExtension.class)
class SolrConfigsetTest {

  static final String COLLECTION = "configset";

  static SolrCluster solr;

  @BeforeAll
  static void createCollection(SolrCluster cluster) throws Exception {
    solr = cluster;
    solr.createCollection(COLLECTION);
  }

  @AfterAll
  static void deleteCollection() throws Exception {
    if (solr != null) solr.deleteCollection(COLLECTION);
  }

  @Test
  void storedFieldsComeBackAsWrittenAndUnstoredOnesDoNot() throws Exception {
    Attribution attribution = new Attribution("Harbor bridge opens", "CNN", "Ana Ruiz", "2023-11-06T10:00:00Z",
        "https://example.com/harbor");
    Story story = new Story("world/harbor.txt", attribution,
        List.of("First paragraph.", "The second paragraph's words."));
    try (SolrClient client = solr.newClient()) {
      client.add(COLLECTION, SolrDocuments.of(List.of(story)));
      client.commit(COLLECTION);
      SolrDocumentList docs = client.query(COLLECTION, new SolrQuery("storyId:\"world/harbor.txt\"")
          .setFields("*").setSort("paragraph", SolrQuery.ORDER.asc)).getResults();
      assertEquals(2, docs.size());
      SolrDocument second = docs.get(1);
      assertEquals("world/harbor.txt#2", second.getFieldValue("id"));
      assertEquals("world/harbor.txt", second.getFieldValue(IndexSchema.STORY_ID));
      assertEquals("Harbor bridge opens", second.getFieldValue(IndexSchema.TITLE));
      assertEquals("CNN", second.getFieldValue(IndexSchema.SOURCE));
      assertEquals("Ana Ruiz", second.getFieldValue(IndexSchema.BYLINE));
      assertEquals("2023-11-06T10:00:00Z", second.getFieldValue(IndexSchema.PUBLISHED));
      assertEquals("https://example.com/harbor", second.getFieldValue(IndexSchema.URL));
      assertEquals(2, second.getFieldValue(IndexSchema.PARAGRAPH));
      assertEquals("The second paragraph's words.", second.getFieldValue(IndexSchema.TEXT));
      // Indexed only, as in the embedded index: searchable, never returned.
      for (String field : List.of(IndexSchema.SOURCE_KEY, IndexSchema.DAY, IndexSchema.TEXT_EXACT)) {
        assertNull(second.getFieldValue(field), field);
      }
      long cnn = client.query(COLLECTION, new SolrQuery("*:*").addFilterQuery("sourceKey:cnn")
          .addFilterQuery("day:" + IndexSchema.day("2023-11-06").getAsInt())
          .addFilterQuery("textExact:\"second paragraph's\"")).getResults().getNumFound();
      assertEquals(1, cnn);
    }
  }

  @Test
  void holdsTheParagraphVectorsAsTheEmbeddedIndexDoes() throws Exception {
    try (SolrClient client = solr.newClient()) {
      // The graph's settings are the embedded codec's (VectorFields.codec()): the same vectors make the same graph.
      Map<String, Object> type = new SchemaRequest.FieldType("knn_paragraph").process(client, COLLECTION)
          .getFieldType().getAttributes();
      assertEquals("solr.DenseVectorField", type.get("class"));
      assertEquals(String.valueOf(SolrDocuments.DIMENSIONS), String.valueOf(type.get("vectorDimension")));
      assertEquals("dot_product", type.get("similarityFunction"));
      assertEquals("FLOAT32", type.get("vectorEncoding"));
      assertEquals(String.valueOf(VectorFields.MAX_CONNECTIONS), String.valueOf(type.get("hnswMaxConnections")));
      assertEquals(String.valueOf(VectorFields.BEAM_WIDTH), String.valueOf(type.get("hnswBeamWidth")));
      assertEquals("knn_paragraph", new SchemaRequest.Field(VectorFields.VECTOR).process(client, COLLECTION)
          .getField().get("type"));

      List<SolrInputDocument> docs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField("id", "vec#" + i);
        doc.addField("storyId", "vec");
        doc.addField(VectorFields.VECTOR, vector(i));
        docs.add(doc);
      }
      client.add(COLLECTION, docs);
      client.commit(COLLECTION);
      String query = vector(7).stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
      SolrDocumentList hits = client.query(COLLECTION, new SolrQuery("{!knn f=vector topK=3}" + query)
          .setFields("id", "score")).getResults();
      assertEquals(3, hits.size());
      assertEquals("vec#7", hits.get(0).getFieldValue("id"));
      assertEquals(1f, (Float) hits.get(0).getFieldValue("score"), 1e-5f, "dot product 1 scores (1 + 1) / 2");

      SolrInputDocument wrong = new SolrInputDocument();
      wrong.addField("id", "vec#short");
      wrong.addField(VectorFields.VECTOR, List.of(0.1f, 0.2f));
      // Solr 9.10 answers 500 (not 400) to a vector of the wrong length: whoever writes vectors checks the length.
      var e = assertThrows(BaseHttpSolrClient.RemoteSolrException.class, () -> client.add(COLLECTION, wrong));
      assertTrue(e.getMessage().contains("vector"), e.getMessage());
      assertEquals(0, client.query(COLLECTION, new SolrQuery("id:\"vec#short\"")).getResults().getNumFound());
    }
  }

  /** A unit vector of {@value SolrDocuments#DIMENSIONS} dimensions whose direction depends on {@code seed}. */
  private static List<Float> vector(int seed) {
    double[] v = new double[SolrDocuments.DIMENSIONS];
    double norm = 0;
    for (int j = 0; j < v.length; j++) {
      v[j] = Math.sin(seed * 0.7 + j * 0.31 * (seed + 1));
      norm += v[j] * v[j];
    }
    List<Float> unit = new ArrayList<>(v.length);
    for (double x : v) unit.add((float) (x / Math.sqrt(norm)));
    return unit;
  }
}
