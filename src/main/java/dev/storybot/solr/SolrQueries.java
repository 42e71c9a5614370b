package dev.storybot.solr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded index's Lucene queries in Solr's standard query syntax, clause for clause, so that Solr builds the
 * same Query objects and scores them alike: terms through the {@code term} parser (no analysis, the values passed
 * as separate parameters, so nothing needs escaping), boosts as {@code ^}, phrases as {@link PhraseText}, point ranges
 * as ranges, filters as {@code filter(…)} (or {@code fq} at the top, which Solr caches). A query of another kind is
 * refused, so a new kind of clause in the embedded queries fails loudly here instead of ranking differently.
 */
final class SolrQueries {

  private static final Logger log = LoggerFactory.getLogger(SolrQueries.class);

  /**
   * A query for Solr's /select.
   *
   * @param q the scoring query, in the standard (lucene) syntax
   * @param filters filter queries that do not score
   * @param params the parameters the queries refer to ($t0, $t1…)
   */
  record Translated(String q, List<String> filters, Map<String, String> params) {
    /** Sets q, fq and the referenced parameters on {@code p}. */
    ModifiableSolrParams applyTo(ModifiableSolrParams p) {
      p.set("q", q);
      p.set("defType", "lucene");
      for (String f : filters) p.add("fq", f);
      params.forEach(p::set);
      return p;
    }
  }

  private final Map<String, String> params = new LinkedHashMap<>();

  private SolrQueries() {}

  /**
   * {@code query} for Solr. Top-level filter clauses become filter queries when that keeps the meaning (the rest
   * holds a required clause, or no optional one).
   */
  static Translated translate(Query query) {
    SolrQueries t = new SolrQueries();
    List<String> filters = new ArrayList<>();
    Query scoring = query;
    if (query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
      boolean required = false;
      boolean optional = false;
      for (BooleanClause c : b.clauses()) {
        required |= c.getOccur() == BooleanClause.Occur.MUST;
        optional |= c.getOccur() == BooleanClause.Occur.SHOULD;
      }
      if (required || !optional) {
        BooleanQuery.Builder rest = new BooleanQuery.Builder();
        for (BooleanClause c : b.clauses()) {
          if (c.getOccur() == BooleanClause.Occur.FILTER) filters.add(t.render(c.getQuery()));
          else rest.add(c);
        }
        BooleanQuery remaining = rest.build();
        scoring = remaining.clauses().isEmpty() && !filters.isEmpty() ? new MatchAllDocsQuery() : remaining;
      }
    }
    String q = t.render(scoring);
    return new Translated(q, filters, Map.copyOf(t.params));
  }

  private String render(Query q) {
    if (q instanceof BooleanQuery b) return bool(b);
    if (q instanceof BoostQuery b) return "(" + render(b.getQuery()) + ")^" + number(b.getBoost());
    if (q instanceof TermQuery t) return term(t.getTerm());
    if (q instanceof PhraseQuery p) return phrase(p);
    if (q instanceof MatchAllDocsQuery) return "*:*";
    if (q instanceof MatchNoDocsQuery) return "(-*:*)";
    if (q instanceof PointRangeQuery r) return range(r);
    if (q instanceof KnnFloatVectorQuery k) return knn(k);
    throw new IllegalArgumentException("no Solr translation for a " + q.getClass().getSimpleName() + ": " + q);
  }

  private String bool(BooleanQuery b) {
    if (b.getMinimumNumberShouldMatch() != 0) {
      throw new IllegalArgumentException("no Solr translation for a minimum number of optional clauses: " + b);
    }
    if (b.clauses().isEmpty()) return "(-*:*)";  // as in Lucene, a query of no clauses matches nothing
    List<String> clauses = new ArrayList<>();
    for (BooleanClause c : b.clauses()) {
      String inner = "(" + render(c.getQuery()) + ")";
      clauses.add(switch (c.getOccur()) {
        case MUST -> "+" + inner;
        case SHOULD -> inner;
        case MUST_NOT -> "-" + inner;
        case FILTER -> "+filter" + inner;  // Solr's filter(…) matches without adding to the score
      });
    }
    return String.join(" ", clauses);
  }

  private String term(Term t) {
    return "{!term f=" + t.field() + " v=$" + param(t.text()) + "}";
  }

  private String phrase(PhraseQuery p) {
    Optional<String> text = PhraseText.of(p);
    if (text.isEmpty()) {
      // Solr cannot be given these exact terms: the phrase clause then matches nothing, as close as it gets.
      log.warn("No Solr text gives the phrase {}; searching without it", p);
      return "(-*:*)";
    }
    String quoted = text.get().replace("\\", "\\\\").replace("\"", "\\\"");
    return p.getField() + ":\"" + quoted + "\"" + (p.getSlop() == 0 ? "" : "~" + p.getSlop());
  }

  private static String range(PointRangeQuery r) {
    if (r.getNumDims() != 1 || r.getBytesPerDim() != Integer.BYTES) {
      throw new IllegalArgumentException("no Solr translation for a point range other than one int: " + r);
    }
    int lower = IntPoint.decodeDimension(r.getLowerPoint(), 0);
    int upper = IntPoint.decodeDimension(r.getUpperPoint(), 0);
    return r.getField() + ":[" + (lower == Integer.MIN_VALUE ? "*" : lower) + " TO "
        + (upper == Integer.MAX_VALUE ? "*" : upper) + "]";
  }

  private String knn(KnnFloatVectorQuery k) {
    StringBuilder vector = new StringBuilder("[");
    for (float f : k.getTargetCopy()) vector.append(vector.length() > 1 ? "," : "").append(number(f));
    String filter = k.getFilter() == null ? "" : " preFilter=$" + param(render(k.getFilter()));
    return "{!knn f=" + k.getField() + " topK=" + k.getK() + filter + " v=$" + param(vector + "]") + "}";
  }

  // A float as a plain decimal (the query syntax has no exponents) that parses back to the same float.
  private static String number(float f) {
    return new BigDecimal(Float.toString(f)).toPlainString();
  }

  private String param(String value) {
    String name = "t" + params.size();
    params.put(name, value);
    return name;
  }
}
