package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import dev.storybot.index.StoryIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/** Lists stories from the paragraph index: each story's first paragraph stands for it, ordered by its day. */
public final class LuceneStoryCatalog implements StoryCatalog {

  private static final Set<String> FIELDS = Set.of(IndexSchema.STORY_ID, IndexSchema.TITLE, IndexSchema.SOURCE,
      IndexSchema.PUBLISHED, IndexSchema.URL);

  private final StoryIndex index;
  private final ScopeQueries scopes = new ScopeQueries();

  public LuceneStoryCatalog(StoryIndex index) {
    this.index = index;
  }

  @Override
  public StoryPage newest(Scope scope, int offset, int limit) {
    if (offset < 0 || limit < 0) throw new IllegalArgumentException("bad page: offset " + offset + ", limit " + limit);
    Query stories = new BooleanQuery.Builder()
        .add(IntPoint.newExactQuery(IndexSchema.PARAGRAPH, 1), Occur.FILTER)
        .add(scopes.filter(scope), Occur.FILTER)
        .build();
    return index.withSearcher(searcher -> {
      int total = searcher.count(stories);
      if (limit == 0 || offset >= total) return new StoryPage(total, offset, List.of());
      // Undated stories last; among equal days, index order (the order the shelf was read in).
      SortField day = new SortField(IndexSchema.DAY, SortField.Type.INT, true);
      day.setMissingValue(Integer.MIN_VALUE);
      TopDocs top = searcher.search(stories, offset + limit, new Sort(day, SortField.FIELD_DOC));
      List<StorySummary> page = new ArrayList<>();
      for (int i = offset; i < top.scoreDocs.length; i++) {
        ScoreDoc hit = top.scoreDocs[i];
        Document d = searcher.storedFields().document(hit.doc, FIELDS);
        page.add(new StorySummary(d.get(IndexSchema.STORY_ID), d.get(IndexSchema.TITLE), d.get(IndexSchema.SOURCE),
            d.get(IndexSchema.PUBLISHED), d.get(IndexSchema.URL)));
      }
      return new StoryPage(total, offset, page);
    });
  }
}
