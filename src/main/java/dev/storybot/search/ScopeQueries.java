package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link Scope} into Lucene clauses around a ranking query: filters that do not score, and the earlier
 * question's words as optional clauses of low weight. The ranking query itself is left as it is.
 */
public final class ScopeQueries {

  /** Weight of an earlier question's word, against 1 for a word of the question itself. */
  static final float CONTEXT_BOOST = 0.3f;

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

  /** {@code ranking} restricted to {@code scope}'s stories and nudged towards its context; as is for {@link Scope#ALL}. */
  public Query around(Query ranking, Scope scope) {
    if (scope.isAll()) return ranking;
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(ranking, Occur.MUST);
    if (scope.context() != null) {
      for (QueryTerm t : analyzer.analyze(scope.context()).terms()) {
        b.add(new BoostQuery(new TermQuery(new Term(IndexSchema.TEXT, t.stem())), CONTEXT_BOOST), Occur.SHOULD);
        b.add(new BoostQuery(new TermQuery(new Term(IndexSchema.TITLE, t.stem())), CONTEXT_BOOST), Occur.SHOULD);
      }
    }
    if (scope.filters()) b.add(filter(scope), Occur.FILTER);
    return b.build();
  }

  /** The documents {@code scope} lets through: all of them when it filters nothing. */
  public Query filter(Scope scope) {
    if (!scope.filters()) return new MatchAllDocsQuery();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (!scope.sources().isEmpty()) b.add(anySource(scope.sources()), Occur.FILTER);
    if (!scope.shelf().isEmpty()) b.add(anySource(scope.shelf()), Occur.FILTER);
    if (scope.headline() != null) {
      List<String> stems = stems(scope.headline());
      // A headline filter of stop words only ("in:the") could match anything or nothing: nothing is the honest answer.
      if (stems.isEmpty()) return new MatchNoDocsQuery("no words in the headline filter");
      for (String stem : stems) b.add(new TermQuery(new Term(IndexSchema.TITLE, stem)), Occur.FILTER);
    }
    if (scope.after() != null || scope.before() != null) {
      int from = scope.after() == null ? Integer.MIN_VALUE : (int) scope.after().toEpochDay() + 1;
      int to = scope.before() == null ? Integer.MAX_VALUE : (int) scope.before().toEpochDay() - 1;
      b.add(IntPoint.newRangeQuery(IndexSchema.DAY, from, to), Occur.FILTER);
    }
    return b.build();
  }

  private static Query anySource(List<String> sources) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String s : sources) any.add(new TermQuery(new Term(IndexSchema.SOURCE_KEY, IndexSchema.sourceKey(s))), Occur.SHOULD);
    return any.build();
  }

  // The headline words as TITLE holds them: analysed the same way, so "talks" finds "Talks" and "talk".
  private static List<String> stems(String text) {
    List<String> out = new ArrayList<>();
    try (Analyzer a = IndexSchema.stemmed(); TokenStream ts = a.tokenStream(IndexSchema.TITLE, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // analysing a String does no I/O
    }
    return out;
  }
}
