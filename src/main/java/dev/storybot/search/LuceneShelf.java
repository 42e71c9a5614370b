package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import dev.storybot.index.IndexStats;
import dev.storybot.index.StoryIndex;
import dev.storybot.index.VectorFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * The shelf over the embedded paragraph index: BM25 with the queries of {@link QueryBuilder}, filters of
 * {@link ScopeQueries}, listings by day. Each snapshot holds one searcher, so one question reads one commit.
 */
public final class LuceneShelf implements Shelf {

  private static final Set<String> PASSAGE_FIELDS = union(IndexSchema.ATTRIBUTION_FIELDS,
      Set.of(IndexSchema.STORY_ID, IndexSchema.PARAGRAPH, IndexSchema.TEXT));
  private static final Set<String> MEANING_FIELDS =
      union(PASSAGE_FIELDS, Set.of(VectorFields.SENTENCE_VECTORS, VectorFields.HEADLINE_VECTOR));
  private static final Set<String> SUMMARY_FIELDS = union(IndexSchema.ATTRIBUTION_FIELDS, Set.of(IndexSchema.STORY_ID));

  private final StoryIndex index;
  private final QueryBuilder queries = new QueryBuilder();
  private final ScopeQueries scopes = new ScopeQueries();

  /** A shelf over {@code index}, which it closes when closed. */
  public LuceneShelf(StoryIndex index) {
    this.index = index;
  }

  /** The index, for rebuilds and reloads. */
  public StoryIndex index() {
    return index;
  }

  @Override
  public Snapshot snapshot() {
    try {
      return new LuceneSnapshot(index.acquire());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index", e);
    }
  }

  @Override
  public void close() {
    try {
      index.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the index failed", e);
    }
  }

  private final class LuceneSnapshot implements Snapshot {
    private final IndexSearcher searcher;
    private boolean closed;

    LuceneSnapshot(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    @Override
    public AnalyzedQuestion corrected(AnalyzedQuestion question) {
      if (question.isEmpty()) return question;
      return io(() -> Spelling.correct(searcher.getIndexReader(), question));
    }

    @Override
    public PassageHits search(AnalyzedQuestion question, Scope scope, int n) {
      if (n < 1) throw new IllegalArgumentException("n must be at least 1, was " + n);
      return io(() -> {
        Map<String, Double> weights = weights(searcher.getIndexReader(), question);
        if (question.isEmpty() && question.meaning() == null) return new PassageHits(List.of(), weights, question.guessed());
        // By words: BM25's best n. By meaning (when the question has a vector and the index vectors): the n nearest
        // paragraphs within the same filters. Each paragraph once, words first.
        Map<Integer, Float> found = new LinkedHashMap<>();
        if (!question.isEmpty()) {
          for (ScoreDoc hit : searcher.search(scopes.around(queries.paragraphs(question), scope), n).scoreDocs) {
            found.put(hit.doc, hit.score);
          }
        }
        boolean meaning = question.meaning() != null && hasVectors();
        if (meaning) {
          Query filter = scope.filters() ? scopes.filter(scope) : null;
          for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery(VectorFields.VECTOR, question.meaning(), n, filter), n)
              .scoreDocs) {
            found.putIfAbsent(hit.doc, 0f);
          }
        }
        List<Passage> passages = new ArrayList<>();
        for (Map.Entry<Integer, Float> hit : found.entrySet()) {
          Document d = searcher.storedFields().document(hit.getKey(), meaning ? MEANING_FIELDS : PASSAGE_FIELDS);
          String storyId = d.get(IndexSchema.STORY_ID);
          int paragraph = d.getField(IndexSchema.PARAGRAPH).numericValue().intValue();
          passages.add(meaning
              ? Passage.withMeaning(storyId, IndexSchema.attribution(d), paragraph, d.get(IndexSchema.TEXT),
                  hit.getValue(), question.meaning(), d.getBinaryValue(VectorFields.SENTENCE_VECTORS),
                  d.getBinaryValue(VectorFields.HEADLINE_VECTOR))
              : new Passage(storyId, IndexSchema.attribution(d), paragraph, d.get(IndexSchema.TEXT), hit.getValue()));
        }
        return new PassageHits(passages, weights, question.guessed());
      });
    }

    // True when this commit was built with vectors (of whichever model: the answerer checks it is the question's).
    private boolean hasVectors() throws IOException {
      return stats().model() != null;
    }

    @Override
    public List<String> nearestTitles(AnalyzedQuestion question, Scope scope, int n) {
      if (question.isEmpty() || n < 1) return List.of();
      return io(() -> {
        Set<String> titles = new LinkedHashSet<>();
        Query q = scopes.around(queries.titles(question), scope.withoutContext());
        for (ScoreDoc hit : searcher.search(q, Math.max(50, n * 10)).scoreDocs) {
          if (titles.size() == n) break;
          titles.add(searcher.storedFields().document(hit.doc, Set.of(IndexSchema.TITLE)).get(IndexSchema.TITLE));
        }
        return List.copyOf(titles);
      });
    }

    @Override
    public StoryPage newest(Scope scope, int offset, int limit) {
      if (offset < 0 || limit < 0) throw new IllegalArgumentException("bad page: offset " + offset + ", limit " + limit);
      // Each story's first paragraph stands for it.
      Query stories = new BooleanQuery.Builder()
          .add(IntPoint.newExactQuery(IndexSchema.PARAGRAPH, 1), Occur.FILTER)
          .add(scopes.filter(scope), Occur.FILTER)
          .build();
      return io(() -> {
        int total = searcher.count(stories);
        if (limit == 0 || offset >= total) return new StoryPage(total, offset, List.of());
        // Undated stories last; among equal days, index order (the order the shelf was read in).
        SortField day = new SortField(IndexSchema.DAY, SortField.Type.INT, true);
        day.setMissingValue(Integer.MIN_VALUE);
        TopDocs top = searcher.search(stories, offset + limit, new Sort(day, SortField.FIELD_DOC));
        List<StorySummary> page = new ArrayList<>();
        for (int i = offset; i < top.scoreDocs.length; i++) {
          Document d = searcher.storedFields().document(top.scoreDocs[i].doc, SUMMARY_FIELDS);
          page.add(new StorySummary(d.get(IndexSchema.STORY_ID), IndexSchema.attribution(d)));
        }
        return new StoryPage(total, offset, page);
      });
    }

    @Override
    public IndexStats stats() {
      return io(() -> IndexStats.of((DirectoryReader) searcher.getIndexReader()));
    }

    @Override
    public void close() {
      if (closed) return;
      closed = true;
      try {
        index.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException("releasing a searcher failed", e);
      }
    }
  }

  // BM25's idf over paragraphs (see TermWeights), from this reader's document frequencies.
  static Map<String, Double> weights(IndexReader reader, AnalyzedQuestion question) throws IOException {
    Map<String, Long> docFreqs = new HashMap<>();
    for (QueryTerm t : question.terms()) {
      docFreqs.put(t.stem(), (long) reader.docFreq(new Term(IndexSchema.TEXT, t.stem())));
    }
    return TermWeights.of(reader.numDocs(), docFreqs::get, question);
  }

  private interface IoWork<T> {
    T run() throws IOException;
  }

  private <T> T io(IoWork<T> work) {
    try {
      return work.run();
    } catch (IOException e) {
      throw new UncheckedIOException("search failed on the index", e);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
