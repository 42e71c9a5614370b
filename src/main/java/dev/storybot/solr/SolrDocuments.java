package dev.storybot.solr;

import dev.storybot.index.IndexSchema;
import dev.storybot.story.Attribution;
import dev.storybot.story.Story;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Stories as documents of the storybot configset (src/main/resources/solr/configsets/storybot): one per paragraph,
 * with the fields and values that {@code StoryIndexer} and {@link IndexSchema#addAttribution} write into the
 * embedded index, plus Solr's unique key; and those documents read back.
 */
public final class SolrDocuments {

  /** The configset's unique key field. */
  public static final String ID = "id";
  /** The configset's dense vector field (384 dimensions, cosine). */
  public static final String VECTOR = "vector";
  /** Dimensions of {@link #VECTOR}. */
  public static final int DIMENSIONS = 384;

  /** The stored fields a passage is made of. */
  static final List<String> PASSAGE_FIELDS = List.of(IndexSchema.STORY_ID, IndexSchema.PARAGRAPH, IndexSchema.TEXT,
      IndexSchema.TITLE, IndexSchema.SOURCE, IndexSchema.BYLINE, IndexSchema.PUBLISHED, IndexSchema.URL);
  /** The stored fields a listing shows. */
  static final List<String> SUMMARY_FIELDS = List.of(IndexSchema.STORY_ID, IndexSchema.TITLE, IndexSchema.SOURCE,
      IndexSchema.BYLINE, IndexSchema.PUBLISHED, IndexSchema.URL);

  private SolrDocuments() {}

  /** The unique key of a paragraph: story id, '#', 1-based paragraph number (a story id may hold '#' itself). */
  public static String id(String storyId, int paragraph) {
    return storyId + "#" + paragraph;
  }

  /**
   * Paragraph {@code paragraph} (1-based) of {@code story} with {@code text}, and its embedding when there is one.
   *
   * @param vector the paragraph's {@value #DIMENSIONS}-dimension embedding, or null
   */
  public static SolrInputDocument paragraph(Story story, int paragraph, String text, float[] vector) {
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
    if (vector != null) doc.addField(VECTOR, vector(vector));
    return doc;
  }

  /** Every paragraph of {@code stories} without embeddings, in the order the embedded indexer adds them. */
  public static List<SolrInputDocument> of(Iterable<Story> stories) {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (Story story : stories) {
      for (int i = 0; i < story.paragraphs().size(); i++) {
        docs.add(paragraph(story, i + 1, story.paragraphs().get(i), null));
      }
    }
    return docs;
  }

  /** The attribution stored in {@code doc} (fetched with at least the title, source, byline, date and link). */
  static Attribution attribution(SolrDocument doc) {
    return new Attribution(string(doc, IndexSchema.TITLE), string(doc, IndexSchema.SOURCE),
        string(doc, IndexSchema.BYLINE), string(doc, IndexSchema.PUBLISHED), string(doc, IndexSchema.URL));
  }

  static String string(SolrDocument doc, String field) {
    Object v = doc.getFirstValue(field);
    return v == null ? null : v.toString();
  }

  /** A vector as SolrJ sends it, a list of floats, checked for length (Solr answers 500, not 400, to a wrong one). */
  static List<Float> vector(float[] v) {
    if (v.length != DIMENSIONS) {
      throw new IllegalArgumentException("a paragraph vector has " + DIMENSIONS + " dimensions, this one " + v.length);
    }
    Float[] boxed = new Float[v.length];
    for (int i = 0; i < v.length; i++) boxed[i] = v[i];
    return List.of(boxed);
  }

  private static void addIfKnown(SolrInputDocument doc, String field, String value) {
    if (value != null) doc.addField(field, value);
  }
}
