package dev.storybot.testing;

import dev.storybot.index.IndexSchema;
import dev.storybot.story.Attribution;
import dev.storybot.story.Story;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/**
 * Stories as Solr documents of the storybot configset: one per paragraph, the same fields and values as
 * {@code StoryIndexer} and {@code IndexSchema.addAttribution} write into the embedded index, plus Solr's unique key.
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
    Attribution a = story.attribution();
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(ID, id(story.id(), paragraph));
    doc.addField(IndexSchema.STORY_ID, story.id());
    doc.addField(IndexSchema.TITLE, a.title());
    if (a.source() != null) {
      doc.addField(IndexSchema.SOURCE, a.source());
      doc.addField(IndexSchema.SOURCE_KEY, IndexSchema.sourceKey(a.source()));
    }
    IndexSchema.day(a.published()).ifPresent(day -> doc.addField(IndexSchema.DAY, day));
    addIfKnown(doc, IndexSchema.BYLINE, a.byline());
    addIfKnown(doc, IndexSchema.PUBLISHED, a.published());
    addIfKnown(doc, IndexSchema.URL, a.url());
    doc.addField(IndexSchema.PARAGRAPH, paragraph);
    doc.addField(IndexSchema.TEXT, text);
    doc.addField(IndexSchema.TEXT_EXACT, text);
    return doc;
  }

  private static void addIfKnown(SolrInputDocument doc, String field, String value) {
    if (value != null) doc.addField(field, value);
  }
}
