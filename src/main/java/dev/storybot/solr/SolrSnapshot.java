package dev.storybot.solr;

import dev.storybot.index.IndexSchema;
import dev.storybot.index.IndexStats;
import dev.storybot.index.VectorFields;
import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.Passage;
import dev.storybot.search.PassageHits;
import dev.storybot.search.QueryBuilder;
import dev.storybot.search.QueryTerm;
import dev.storybot.search.Scope;
import dev.storybot.search.ScopeQueries;
import dev.storybot.search.Shelf;
import dev.storybot.search.Spelling;
import dev.storybot.search.StoryPage;
import dev.storybot.search.StorySummary;
import dev.storybot.search.TermWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * One question's view of a {@link SolrShelf}: the one collection the alias pointed to when the snapshot was taken,
 * whose term statistics are fetched once. The embedded index's queries ({@link QueryBuilder}, {@link ScopeQueries})
 * go to Solr translated clause for clause ({@link SolrQueries}), the nearest paragraphs by meaning as a knn query within
 * the same filters. Not thread-safe.
 */
final class SolrSnapshot implements Shelf.Snapshot {

  private final QueryBuilder queries = new QueryBuilder();
  private final ScopeQueries scopes = new ScopeQueries();
  private final SolrClient client;
  private final SolrCollections.Pinned pinned;
  private final SolrVocabulary words;

  SolrSnapshot(SolrClient client, SolrCollections.Pinned pinned) {
    this.client = client;
    this.pinned = pinned;
    this.words = new SolrVocabulary(client, pinned.collection());
  }

  @Override
  public AnalyzedQuestion corrected(AnalyzedQuestion question) {
    if (question.isEmpty()) return question;
    return io(() -> {
      words.fetch(question.stems());
      List<String> unknown = new ArrayList<>();
      for (QueryTerm t : question.terms()) {
        if (words.docFreq(t.stem()) == 0 && Spelling.maxEdits(t.stem()) > 0) unknown.add(t.stem());
      }
      words.fetchNear(unknown);  // one request for every word to correct
      return Spelling.correct(words, question);
    });
  }

  @Override
  public PassageHits search(AnalyzedQuestion question, Scope scope, int n) {
    if (n < 1) throw new IllegalArgumentException("n must be at least 1, was " + n);
    return io(() -> {
      Map<String, Double> weights = weights(question);
      float[] meaning = pinned.model() != null ? question.meaning() : null;
      if (question.isEmpty() && meaning == null) return new PassageHits(List.of(), weights, question.guessed());
      // As the embedded shelf: by words, BM25's best n; by meaning (when the question has a vector and the collection
      // vectors), the n nearest paragraphs within the same filters. Each paragraph once, words first.
      Map<String, Passage> found = new LinkedHashMap<>();
      if (!question.isEmpty()) {
        for (Passage p : passages(scopes.around(queries.paragraphs(question), scope), n, meaning, true)) {
          found.put(SolrDocuments.id(p.storyId(), p.paragraph()), p);
        }
      }
      if (meaning != null) {
        Query filter = scope.filters() ? scopes.filter(scope) : null;
        for (Passage p : passages(new KnnFloatVectorQuery(SolrDocuments.VECTOR, meaning, n, filter), n, meaning, false)) {
          found.putIfAbsent(SolrDocuments.id(p.storyId(), p.paragraph()), p);
        }
      }
      return new PassageHits(List.copyOf(found.values()), weights, question.guessed());
    });
  }

  /**
   * The best {@code n} paragraphs for {@code query}, with their meaning fields when {@code meaning} (the question's
   * vector) is given; scored by Solr when {@code scored}, else 0 (found by meaning alone, as in the embedded shelf).
   */
  private List<Passage> passages(Query query, int n, float[] meaning, boolean scored) throws IOException {
    ModifiableSolrParams p = params(query);
    p.set("rows", n);
    List<String> fields = new ArrayList<>(SolrDocuments.PASSAGE_FIELDS);
    if (meaning != null) fields.addAll(SolrDocuments.MEANING_FIELDS);
    fields.add("score");
    p.set("fl", String.join(",", fields));
    List<Passage> passages = new ArrayList<>();
    for (SolrDocument d : select(p)) {
      String storyId = SolrDocuments.string(d, IndexSchema.STORY_ID);
      int paragraph = ((Number) d.getFirstValue(IndexSchema.PARAGRAPH)).intValue();
      String text = SolrDocuments.string(d, IndexSchema.TEXT);
      double score = scored ? ((Number) d.getFirstValue("score")).floatValue() : 0;
      passages.add(meaning == null
          ? new Passage(storyId, SolrDocuments.attribution(d), paragraph, text, score)
          : Passage.withMeaning(storyId, SolrDocuments.attribution(d), paragraph, text, score, meaning,
              SolrDocuments.binary(d, VectorFields.SENTENCE_VECTORS),
              SolrDocuments.binary(d, VectorFields.HEADLINE_VECTOR)));
    }
    return passages;
  }

  private Map<String, Double> weights(AnalyzedQuestion question) throws IOException {
    words.fetch(question.stems());
    Map<String, Long> docFreqs = new HashMap<>();
    for (String stem : question.stems()) docFreqs.put(stem, words.docFreq(stem));
    return TermWeights.of(words.paragraphs(), docFreqs::get, question);
  }

  @Override
  public List<String> nearestTitles(AnalyzedQuestion question, Scope scope, int n) {
    if (question.isEmpty() || n < 1) return List.of();
    return io(() -> {
      ModifiableSolrParams p = params(scopes.around(queries.titles(question), scope.withoutContext()));
      p.set("rows", Math.max(50, n * 10));
      p.set("fl", IndexSchema.TITLE);
      Set<String> titles = new LinkedHashSet<>();
      for (SolrDocument d : select(p)) {
        if (titles.size() == n) break;
        titles.add(SolrDocuments.string(d, IndexSchema.TITLE));
      }
      return List.copyOf(titles);
    });
  }

  @Override
  public StoryPage newest(Scope scope, int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("bad page: offset " + offset + ", limit " + limit);
    }
    // Each story's first paragraph stands for it, as in the embedded listing.
    Query stories = new BooleanQuery.Builder()
        .add(IntPoint.newExactQuery(IndexSchema.PARAGRAPH, 1), Occur.FILTER)
        .add(scopes.filter(scope), Occur.FILTER)
        .build();
    return io(() -> {
      ModifiableSolrParams p = params(stories);
      p.set("start", offset);
      p.set("rows", limit);
      // Undated stories last (sortMissingLast in the schema); among equal days, index order.
      p.set("sort", IndexSchema.DAY + " desc");
      p.set("fl", String.join(",", SolrDocuments.SUMMARY_FIELDS));
      SolrDocumentList docs = select(p);
      List<StorySummary> page = new ArrayList<>();
      for (SolrDocument d : docs) {
        page.add(new StorySummary(SolrDocuments.string(d, IndexSchema.STORY_ID), SolrDocuments.attribution(d)));
      }
      return new StoryPage(docs.getNumFound(), offset, page);
    });
  }

  @Override
  public IndexStats stats() {
    return io(() -> {
      long paragraphs = words.paragraphs();
      Build b = pinned.build();
      int stories = b != null ? b.stories() : (int) count(IntPoint.newExactQuery(IndexSchema.PARAGRAPH, 1));
      return new IndexStats(stories, (int) paragraphs, pinned.generation(), b == null ? null : b.builtAt(),
          pinned.model());
    });
  }

  private long count(Query query) throws IOException {
    ModifiableSolrParams p = params(query);
    p.set("rows", 0);
    return select(p).getNumFound();
  }

  private ModifiableSolrParams params(Query query) {
    ModifiableSolrParams p = SolrQueries.translate(query).applyTo(new ModifiableSolrParams());
    // Every request of a snapshot on the same replica where it can: the same ties in the same order.
    p.set("shards.preference", "replica.location:local");
    return p;
  }

  private SolrDocumentList select(ModifiableSolrParams p) throws IOException {
    try {
      return new QueryRequest(p, SolrRequest.METHOD.POST).process(client, pinned.collection()).getResults();
    } catch (SolrServerException e) {
      throw new IOException("Solr did not answer a search of " + pinned.collection() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    // Nothing is held on the server between requests.
  }

  private interface IoWork<T> {
    T run() throws IOException;
  }

  private static <T> T io(IoWork<T> work) {
    try {
      return work.run();
    } catch (IOException e) {
      throw new UncheckedIOException("search failed in Solr", e);
    }
  }
}
