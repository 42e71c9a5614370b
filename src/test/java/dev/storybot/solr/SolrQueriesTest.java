package dev.storybot.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.IndexSchema;
import dev.storybot.search.QueryBuilder;
import dev.storybot.search.QuestionAnalyzer;
import dev.storybot.search.Scope;
import dev.storybot.search.ScopeQueries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * How the embedded queries read in Solr's syntax. That Solr then ranks as the embedded index does is shown against a
 * real cluster (SolrShelfParityTest); these pin the translation itself and what it refuses.
 */
class SolrQueriesTest {

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

  @Test
  void termsGoAsParametersOfTheTermParserWithTheirBoosts() {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term("text", "hostag")), Occur.SHOULD)
        .add(new BoostQuery(new TermQuery(new Term("textExact", "o\"brien's, \\ {!x}")), 0.45000002f), Occur.SHOULD)
        .build();
    SolrQueries.Translated t = SolrQueries.translate(q);
    assertEquals("({!term f=text v=$t0}) (({!term f=textExact v=$t1})^0.45000002)", t.q());
    assertEquals(Map.of("t0", "hostag", "t1", "o\"brien's, \\ {!x}"), t.params(), "values travel unescaped");
    assertEquals(List.of(), t.filters());
  }

  @Test
  void topLevelFiltersBecomeFilterQueriesAndNestedOnesFilterClauses() {
    Scope scope = new Scope(List.of("CNN", "BBC"), List.of(), "hostage talks", LocalDate.of(2023, 11, 1), null,
        "earlier question about markets");
    Query q = new ScopeQueries().around(new QueryBuilder().paragraphs(analyzer.analyze("Who spoke?")), scope);
    SolrQueries.Translated t = SolrQueries.translate(q);
    assertEquals(1, t.filters().size(), t.toString());
    String fq = t.filters().get(0);
    assertTrue(fq.contains("+filter(({!term f=sourceKey v=$") && fq.contains("+filter(day:[19663 TO *])"), fq);
    assertTrue(t.q().startsWith("+("), "the ranking query stays required: " + t.q());
    assertTrue(t.params().containsValue("cnn") && t.params().containsValue("bbc") && t.params().containsValue("talk"),
        t.params().toString());
  }

  @Test
  void aFilterAloneMatchesEverythingItLetsThroughAndAnEmptyQueryNothing() {
    Query stories = new BooleanQuery.Builder()
        .add(IntPoint.newExactQuery(IndexSchema.PARAGRAPH, 1), Occur.FILTER)
        .add(IntPoint.newRangeQuery(IndexSchema.DAY, Integer.MIN_VALUE, 19000), Occur.FILTER)
        .build();
    SolrQueries.Translated t = SolrQueries.translate(stories);
    assertEquals("*:*", t.q());
    assertEquals(List.of("paragraph:[1 TO 1]", "day:[* TO 19000]"), t.filters());
    assertEquals("(-*:*)", SolrQueries.translate(new MatchNoDocsQuery("nothing")).q());
    assertEquals("(-*:*)", SolrQueries.translate(new BooleanQuery.Builder().build()).q());
  }

  @Test
  void aPhraseIsSpeltSoThatSolrsAnalysisGivesItsTermsAndGaps() {
    PhraseQuery battle = new PhraseQuery.Builder().add(new Term("text", "battl"), 0).add(new Term("text", "hast"), 2)
        .setSlop(1).build();
    assertEquals("text:\"battl the hast\"~1", SolrQueries.translate(battle).q());
    // "agre" stems to "agr": the word that gives "agre" is "agree"; "on" is a stop word, "one" stems to it.
    PhraseQuery agreed = new PhraseQuery.Builder().add(new Term("text", "agre"), 0).add(new Term("text", "on"), 1)
        .build();
    assertEquals("text:\"agree one\"", SolrQueries.translate(agreed).q());
  }

  @Test
  void aPhraseNoWordSpellsMatchesNothingRatherThanSomethingElse() {
    // The analyzer lower-cases every word: no text gives a term with a capital.
    PhraseQuery odd = new PhraseQuery.Builder().add(new Term("text", "Hostag"), 0).add(new Term("text", "x"), 1)
        .build();
    assertEquals("(-*:*)", SolrQueries.translate(odd).q());
  }

  @Test
  void boostsAreWrittenOutInFullAndVectorsGoToTheKnnParser() {
    Query tiny = new BoostQuery(new TermQuery(new Term("text", "a")), 0.00001f);
    assertEquals("({!term f=text v=$t0})^0.000010", SolrQueries.translate(tiny).q(), "the syntax has no exponents");
    float[] v = {0.5f, -1.25f, 3f};
    Query knn = new KnnFloatVectorQuery(SolrDocuments.VECTOR, v, 7, new TermQuery(new Term("sourceKey", "cnn")));
    SolrQueries.Translated t = SolrQueries.translate(knn);
    assertEquals("{!knn f=vector topK=7 preFilter=$t1 v=$t2}", t.q());
    assertEquals("{!term f=sourceKey v=$t0}", t.params().get("t1"));
    assertEquals("[0.5,-1.25,3.0]", t.params().get("t2"));
  }

  @Test
  void aKindOfQueryWithoutATranslationIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SolrQueries.translate(new FuzzyQuery(new Term("text", "hostag"))));
    assertTrue(e.getMessage().contains("FuzzyQuery"), e.getMessage());
  }
}
