package dev.storybot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import dev.storybot.testing.TestStories;
import dev.storybot.solr.SolrDocuments;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same paragraphs, written by {@link StoryIndexer} into a Lucene index and by the storybot configset into a
 * Solr collection of 1 shard × 2 replicas, give the same hits, in the same order, with the same BM25 scores, for
 * the same queries (parsed from the same syntax by Lucene's and by Solr's standard parsers), filters included.
 */
@ExtendWith(SolrClusterExtension.class)
class SolrBm25ParityTest {

  static final String COLLECTION = "bm25_parity";
  static final int TOP = 10;

  @TempDir static Path temp;
  static SolrCluster solr;
  static Directory dir;
  static DirectoryReader reader;
  static int paragraphs;
  static boolean created;

  @BeforeAll
  static void indexBoth(SolrCluster cluster) throws Exception {
    solr = cluster;
    List<Story> stories = new ArrayList<>(StoryLoader.bundled());
    stories.addAll(TestStories.all(temp));
    paragraphs = stories.stream().mapToInt(s -> s.paragraphs().size()).sum();
    assertTrue(stories.size() >= 15 && paragraphs >= 60, stories.size() + " stories, " + paragraphs + " paragraphs");

    dir = FSDirectory.open(temp.resolve("index"));
    new StoryIndexer().write(dir, stories, n -> {});
    reader = DirectoryReader.open(dir);

    solr.createCollection(COLLECTION);
    created = true;
    try (SolrClient client = solr.newClient()) {
      client.add(COLLECTION, SolrDocuments.of(stories));
      client.commit(COLLECTION);
    }
  }

  @AfterAll
  static void close() throws Exception {
    if (reader != null) reader.close();
    if (dir != null) dir.close();
    if (solr != null && created) solr.deleteCollection(COLLECTION);
  }

  /** Query in standard syntax (default field text, OR); filter: none, source NAME, or days FROM..TO (ISO dates). */
  @ParameterizedTest(name = "{0} | {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      harbor bridge                                                    | -
      "harbour bridge"~1 cyclists steel cables                         | -
      text:apple text:harvest^1.5 textExact:apple^0.3 title:harvest^0.5 | -
      Blinken Israel Hamas war                                         | -
      "Antony Blinken"~1^2 secretary state hostages                   | -
      ferry timetable island crossing                                  | -
      +text:library title:fire^2 rare books                            | -
      growers' cooperative tonnes                                      | -
      two-year debate over the cycling bridge                          | -
      title:apple^2 text:apple title:record^2 text:record              | -
      Café Zürich's fish market                                        | -
      who is the lighthouse keeper                                     | -
      hostages march Jerusalem families                                | source CNN
      hostage talks market prices                                      | days 2023-11-01..2023-12-31
      harbour ferry timetable fish market bridge                       | source Harbour Gazette
      who stole the paintings from the museum                          | -
      "Detective Inspector"~1 police skylight alarm                    | -
      """)
  void sameHitsSameOrderSameScores(String query, String filter) throws Exception {
    List<String> lucene = luceneHits(query, filter);
    List<String> solrHits = solrHits(query, filter);
    assertTrue(lucene.size() > 1, "the query must find a paragraph to compare: " + lucene);
    assertEquals(lucene, solrHits, "query " + query + " | " + filter);
  }

  /** Top hits as "id score total", the total number of hits on the first line. */
  static List<String> luceneHits(String query, String filter) throws Exception {
    QueryParser parser = new QueryParser(IndexSchema.TEXT, IndexSchema.analyzer());
    Query q = parser.parse(query);
    if (filter != null) {
      q = new BooleanQuery.Builder().add(q, Occur.MUST).add(luceneFilter(filter), Occur.FILTER).build();
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    TopDocs top = searcher.search(q, TOP);
    List<String> hits = new ArrayList<>(List.of("total " + top.totalHits.value));
    for (ScoreDoc hit : top.scoreDocs) {
      var doc = searcher.storedFields().document(hit.doc);
      String id = SolrDocuments.id(doc.get(IndexSchema.STORY_ID),
          doc.getField(IndexSchema.PARAGRAPH).numericValue().intValue());
      hits.add(id + " " + hit.score);
    }
    return hits;
  }

  static List<String> solrHits(String query, String filter) throws Exception {
    SolrQuery q = new SolrQuery(query).setRows(TOP).setFields(SolrDocuments.ID, "score");
    // The classic Lucene parser's defaults: split on whitespace, OR between clauses, text as the default field.
    q.set("defType", "lucene").set("df", IndexSchema.TEXT).set("q.op", "OR").set("sow", true);
    if (filter != null) q.addFilterQuery(solrFilter(filter));
    try (SolrClient client = solr.newClient()) {
      QueryResponse response = client.query(COLLECTION, q);
      List<String> hits = new ArrayList<>(List.of("total " + response.getResults().getNumFound()));
      for (SolrDocument doc : response.getResults()) {
        hits.add(doc.getFieldValue(SolrDocuments.ID) + " " + ((Number) doc.getFieldValue("score")).floatValue());
      }
      return hits;
    }
  }

  static Query luceneFilter(String filter) {
    String value = filter.substring(filter.indexOf(' ') + 1);
    if (filter.startsWith("source ")) {
      return new TermQuery(new Term(IndexSchema.SOURCE_KEY, IndexSchema.sourceKey(value)));
    }
    String[] days = value.split("\\.\\.");
    return IntPoint.newRangeQuery(IndexSchema.DAY, day(days[0]), day(days[1]));
  }

  static String solrFilter(String filter) {
    String value = filter.substring(filter.indexOf(' ') + 1);
    if (filter.startsWith("source ")) return "{!term f=" + IndexSchema.SOURCE_KEY + "}" + IndexSchema.sourceKey(value);
    String[] days = value.split("\\.\\.");
    return IndexSchema.DAY + ":[" + day(days[0]) + " TO " + day(days[1]) + "]";
  }

  private static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }
}
