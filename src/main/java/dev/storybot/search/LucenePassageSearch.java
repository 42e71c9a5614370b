package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import dev.storybot.index.StoryIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Paragraph search over a {@link StoryIndex} with BM25 and the queries of {@link QueryBuilder}. */
public final class LucenePassageSearch implements PassageSearch {

  private final StoryIndex index;
  private final QueryBuilder queries;
  private final ScopeQueries scopes = new ScopeQueries();

  public LucenePassageSearch(StoryIndex index) {
    this(index, new QueryBuilder());
  }

  public LucenePassageSearch(StoryIndex index, QueryBuilder queries) {
    this.index = index;
    this.queries = queries;
  }

  @Override
  public PassageHits search(AnalyzedQuestion question, int n) {
    return search(question, Scope.ALL, n);
  }

  @Override
  public List<String> nearestTitles(AnalyzedQuestion question, int n) {
    return nearestTitles(question, Scope.ALL, n);
  }

  @Override
  public PassageHits search(AnalyzedQuestion question, Scope scope, int n) {
    if (n < 1) throw new IllegalArgumentException("n must be at least 1, was " + n);
    return index.withSearcher(searcher -> {
      Map<String, Double> weights = weights(searcher.getIndexReader(), question);
      if (question.isEmpty()) return new PassageHits(List.of(), weights, question.guessed());
      TopDocs top = searcher.search(scopes.around(queries.paragraphs(question), scope), n);
      List<Passage> passages = new ArrayList<>();
      for (ScoreDoc hit : top.scoreDocs) passages.add(passage(searcher, hit));
      return new PassageHits(passages, weights, question.guessed());
    });
  }

  @Override
  public AnalyzedQuestion corrected(AnalyzedQuestion question) {
    if (question.isEmpty()) return question;
    return index.withSearcher(searcher -> Spelling.correct(searcher.getIndexReader(), question));
  }

  @Override
  public List<String> nearestTitles(AnalyzedQuestion question, Scope scope, int n) {
    if (question.isEmpty() || n < 1) return List.of();
    return index.withSearcher(searcher -> {
      Set<String> titles = new LinkedHashSet<>();
      TopDocs top = searcher.search(scopes.around(queries.titles(question), scope.withoutContext()), Math.max(50, n * 10));
      for (ScoreDoc hit : top.scoreDocs) {
        if (titles.size() == n) break;
        titles.add(searcher.storedFields().document(hit.doc, Set.of(IndexSchema.TITLE)).get(IndexSchema.TITLE));
      }
      return List.copyOf(titles);
    });
  }

  /**
   * A name or number of the question that no paragraph holds weighs this many times its idf: the stories are then
   * most likely about something else, and the confidence should say so.
   */
  static final double UNKNOWN_NAME_WEIGHT = 2;

  // BM25's idf over paragraphs; a word no paragraph holds gets the highest weight the index allows.
  static Map<String, Double> weights(IndexReader reader, AnalyzedQuestion question) throws IOException {
    Map<String, Double> weights = new HashMap<>();
    long docs = Math.max(1, reader.numDocs());
    for (QueryTerm t : question.terms()) {
      // A guessed word stands for one the index lacks, and weighs as such.
      long df = question.guessed().contains(t.stem()) ? 0 : reader.docFreq(new Term(IndexSchema.TEXT, t.stem()));
      double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
      weights.put(t.stem(), t.specific() && df == 0 ? UNKNOWN_NAME_WEIGHT * idf : idf);
    }
    return weights;
  }

  private static Passage passage(IndexSearcher searcher, ScoreDoc hit) throws IOException {
    Document d = searcher.storedFields().document(hit.doc);
    return new Passage(d.get(IndexSchema.STORY_ID), d.get(IndexSchema.TITLE), d.get(IndexSchema.SOURCE),
        d.get(IndexSchema.BYLINE), d.get(IndexSchema.PUBLISHED), d.get(IndexSchema.URL),
        d.getField(IndexSchema.PARAGRAPH).numericValue().intValue(), d.get(IndexSchema.TEXT), hit.score);
  }
}
