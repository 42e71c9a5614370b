package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds Lucene queries from analysed questions (never from query syntax, so user text cannot break them).
 * Every word is optional; BM25's idf already makes rare words and names count most, and these boosts add to it.
 */
public final class QueryBuilder {

  /** Extra weight of a capitalised word (a probable name) or a number over an ordinary word. */
  static final float SPECIFIC_BOOST = 1.5f;
  /** Weight of a word's exact surface form matching, on top of its stem matching. */
  static final float EXACT_BOOST = 0.3f;
  /** Weight of a word matching the headline: favours the story the question is about. */
  static final float TITLE_BOOST = 0.5f;
  /** Weight of a multi-word name matching as a phrase (one word of slop for middle initials and the like). */
  static final float PHRASE_BOOST = 2f;

  /** Paragraph query: each content word in text (stemmed and exact) and headline, plus name phrases. */
  public Query paragraphs(AnalyzedQuestion question) {
    if (question.isEmpty()) return new MatchNoDocsQuery("no content words in the question");
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (QueryTerm t : question.terms()) {
      float boost = t.specific() ? SPECIFIC_BOOST : 1f;
      should(b, new TermQuery(new Term(IndexSchema.TEXT, t.stem())), boost);
      should(b, new TermQuery(new Term(IndexSchema.TEXT_EXACT, t.exact())), boost * EXACT_BOOST);
      should(b, new TermQuery(new Term(IndexSchema.TITLE, t.stem())), boost * TITLE_BOOST);
    }
    for (List<QueryTerm> phrase : question.phrases()) {
      should(b, phrase(IndexSchema.TEXT, phrase), PHRASE_BOOST);
    }
    return b.build();
  }

  /** Headline query, for the nearest stories when nothing answers: words in the headline count most. */
  public Query titles(AnalyzedQuestion question) {
    if (question.isEmpty()) return new MatchNoDocsQuery("no content words in the question");
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (QueryTerm t : question.terms()) {
      should(b, new TermQuery(new Term(IndexSchema.TITLE, t.stem())), 2f);
      should(b, new TermQuery(new Term(IndexSchema.TEXT, t.stem())), 1f);
    }
    return b.build();
  }

  static Query phrase(String field, List<QueryTerm> words) {
    PhraseQuery.Builder p = new PhraseQuery.Builder();
    int first = words.get(0).position();
    for (QueryTerm w : words) p.add(new Term(field, w.stem()), w.position() - first);
    p.setSlop(1);
    return p.build();
  }

  private static void should(BooleanQuery.Builder b, Query q, float boost) {
    b.add(boost == 1f ? q : new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
  }
}
