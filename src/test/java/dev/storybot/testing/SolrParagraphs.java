package dev.storybot.testing;

import dev.storybot.index.IndexSchema;
import dev.storybot.story.Story;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/**
 * Stories as Solr documents of the storybot configset: one per paragraph, the same fields and values as
 * {@code StoryIndexer} writes into the embedded index, plus Solr's unique key.
 */
public final class SolrParagraphs {

  /** The configset's unique key field. */
  public static final String ID = "id";

  private SolrParagraphs() {}

  /** The unique key of a paragraph: story id, '#', 1-based paragraph number (a story id may hold '#' itself). */
  public static String id(String storyId, int paragraph) {
    return storyId + "#" + paragraph;
  }

  /** Every paragraph of {@code stories}, in the order StoryIndexer adds them. */
  public static List<SolrInputDocument> documents(Iterable<Story> stories) {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (Story story : stories) {
      for (int i = 0; i < story.paragraphs().size(); i++) docs.add(document(story, i + 1, story.paragraphs().get(i)));
    }
    return docs;
  }

  static SolrInputDocument document(Story story, int paragraph, String text) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(ID, id(story.id(), paragraph));
    doc.addField(IndexSchema.STORY_ID, story.id());
    doc.addField(IndexSchema.TITLE, story.title());
    if (known(story.source())) {
      doc.addField(IndexSchema.SOURCE, story.source());
      doc.addField(IndexSchema.SOURCE_KEY, IndexSchema.sourceKey(story.source()));
    }
    IndexSchema.day(story.published()).ifPresent(day -> doc.addField(IndexSchema.DAY, day));
    if (known(story.byline())) doc.addField(IndexSchema.BYLINE, story.byline());
    if (known(story.published())) doc.addField(IndexSchema.PUBLISHED, story.published());
    if (known(story.url())) doc.addField(IndexSchema.URL, story.url());
    doc.addField(IndexSchema.PARAGRAPH, paragraph);
    doc.addField(IndexSchema.TEXT, text);
    doc.addField(IndexSchema.TEXT_EXACT, text);
    return doc;
  }

  private static boolean known(String value) {
    return value != null && !value.isBlank();
  }
}
