package dev.storybot.bench;

import dev.storybot.index.IndexSchema;
import dev.storybot.index.StoryIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The floor the answer path is compared with: the question analysed by the index's own analyzer, one optional
 * term query per word over the paragraph text, {@code IndexSearcher.search(q, 10)} with Lucene's default BM25.
 * No stored fields are read: this is what any Lucene application pays at least. Interrogatives ("what") are left
 * out as any search box would, so the floor is not raised by a word the answer path never searches for.
 */
final class RawBm25 {

  static final int TOP = 10;
  private static final Set<String> INTERROGATIVES = Set.of("what", "who", "whom", "whose", "which", "when", "where",
      "why", "how");

  private final StoryIndex index;
  private final Analyzer analyzer = IndexSchema.stemmed();

  RawBm25(StoryIndex index) {
    this.index = index;
  }

  /** Total hits of the top-10 search for {@code question} (returned so the work cannot be optimised away). */
  long search(String question) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream(IndexSchema.TEXT, question)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (INTERROGATIVES.contains(term.toString())) continue;
        b.add(new TermQuery(new Term(IndexSchema.TEXT, term.toString())), BooleanClause.Occur.SHOULD);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BooleanQuery q = b.build();
    return index.withSearcher((IndexSearcher s) -> {
      TopDocs top = s.search(q, TOP);
      return top.totalHits.value + top.scoreDocs.length;
    });
  }
}
