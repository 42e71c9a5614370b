package dev.storybot.solr;

import dev.storybot.config.SolrSettings;
import dev.storybot.index.IndexSchema;
import dev.storybot.index.IndexStats;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.index.RebuildLock;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The shelf in a SolrCloud collection: the embedded index's queries ({@link QueryBuilder}, {@link ScopeQueries})
 * translated clause for clause ({@link SolrQueries}), its spelling and word weights from the same term statistics
 * ({@link SolrVocabulary}). Each snapshot resolves the alias once and reads that one collection, so a rebuild that
 * moves the alias mid-question never mixes two generations in one answer. Thread-safe.
 */
public final class SolrShelf implements Shelf {

  private final SolrClient client;
  private final SolrCollections collections;
  private final QueryBuilder queries = new QueryBuilder();
  private final ScopeQueries scopes = new ScopeQueries();

  SolrShelf(SolrClient client, String alias) {
    this.client = client;
    this.collections = new SolrCollections(client, alias);
  }

  /**
   * A shelf over the alias {@code settings} names, checked to exist and to be of this storybot's schema.
   *
   * @throws IndexUnavailableException when Solr does not answer, or holds no such alias or collection, or one
   *     built for another schema version
   */
  public static SolrShelf open(SolrSettings settings) {
    SolrShelf shelf = connect(settings);
    try {
      shelf.check();
      return shelf;
    } catch (RuntimeException e) {
      shelf.close();
      throw e;
    }
  }

  /** A shelf over the alias {@code settings} names, which need not exist yet (a first rebuild creates it). */
  public static SolrShelf connect(SolrSettings settings) {
    return new SolrShelf(new FailoverSolrClient(settings.nodes()), settings.collection());
  }

  /** Whether the alias (or a collection of its name) exists. */
  public boolean exists() {
    try {
      return collections.current().isPresent();
    } catch (IOException | SolrServerException e) {
      throw unreachable(e);
    }
  }

  /**
   * What rebuilds this shelf's alias, through this shelf's connection, taking turns through {@code lock}.
   *
   * @param skipUnchanged whether a rebuild of exactly the stories the alias already reads is skipped (live reload
   *     on several replicas); `storybot index` always builds
   * @param vectors the paragraphs' embeddings, or null for none
   */
  public SolrRebuilder rebuilder(RebuildLock lock, boolean skipUnchanged, SolrRebuilder.ParagraphVectors vectors) {
    return new SolrRebuilder(this, lock, skipUnchanged, vectors);
  }

  /**
   * Checks that the alias exists and was built for this storybot's schema.
   *
   * @throws IndexUnavailableException saying what to do when not
   */
  public void check() {
    SolrCollections.Pinned p = pin();
    if (p.build() != null && !IndexSchema.VERSION.equals(p.build().schemaVersion())) {
      throw new IndexUnavailableException("the Solr collection " + p.collection() + " behind " + collections.alias()
          + " has schema version " + p.build().schemaVersion() + ", this storybot reads version " + IndexSchema.VERSION
          + ": rebuild it with `storybot index --stories DIR` (with SOLR_URL set)", null);
    }
  }

  /** The alias searches read. */
  public String alias() {
    return collections.alias();
  }

  SolrCollections collections() {
    return collections;
  }

  SolrClient client() {
    return client;
  }

  @Override
  public Snapshot snapshot() {
    return new SolrSnapshot(pin());
  }

  private SolrCollections.Pinned pin() {
    try {
      return collections.current().orElseThrow(() -> new IndexUnavailableException("Solr at "
          + urls() + " has no alias or collection " + collections.alias() + ": build it with `storybot index --stories"
          + " DIR` (with SOLR_URL set), or set SOLR_COLLECTION to the alias of the stories", null));
    } catch (IOException | SolrServerException e) {
      throw unreachable(e);
    }
  }

  private IndexUnavailableException unreachable(Exception e) {
    return new IndexUnavailableException("Solr does not answer at " + urls() + " (" + e.getMessage() + "): check"
        + " SOLR_URL and that Solr is running", e);
  }

  private String urls() {
    return client instanceof FailoverSolrClient f ? String.join(", ", f.urls()) : client.toString();
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the Solr client failed", e);
    }
  }

  /** One question's view: one collection, its term statistics fetched once. */
  private final class SolrSnapshot implements Snapshot {
    private final SolrCollections.Pinned pinned;
    private final SolrVocabulary words;

    SolrSnapshot(SolrCollections.Pinned pinned) {
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
        if (question.isEmpty()) return new PassageHits(List.of(), weights, question.guessed());
        ModifiableSolrParams p = params(scopes.around(queries.paragraphs(question), scope));
        p.set("rows", n);
        p.set("fl", String.join(",", SolrDocuments.PASSAGE_FIELDS) + ",score");
        List<Passage> passages = new ArrayList<>();
        for (SolrDocument d : select(p)) {
          passages.add(new Passage(SolrDocuments.string(d, IndexSchema.STORY_ID), SolrDocuments.attribution(d),
              ((Number) d.getFirstValue(IndexSchema.PARAGRAPH)).intValue(), SolrDocuments.string(d, IndexSchema.TEXT),
              ((Number) d.getFirstValue("score")).floatValue()));
        }
        return new PassageHits(passages, weights, question.guessed());
      });
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
        return new IndexStats(stories, (int) paragraphs, pinned.generation(), b == null ? null : b.builtAt());
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
