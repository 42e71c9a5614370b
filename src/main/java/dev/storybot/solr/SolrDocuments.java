package dev.storybot.solr;

import dev.storybot.index.IndexSchema;
import dev.storybot.index.VectorFields;
import dev.storybot.story.Attribution;
import dev.storybot.story.Story;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.util.BytesRef;
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
  /** The configset's dense vector field (384 dimensions, dot product of unit vectors), as in the embedded index. */
  public static final String VECTOR = VectorFields.VECTOR;
  /** Dimensions of {@link #VECTOR}: the configset's, e5-small-v2's. */
  public static final int DIMENSIONS = 384;

  /** The stored fields a passage is made of. */
  static final List<String> PASSAGE_FIELDS = List.of(IndexSchema.STORY_ID, IndexSchema.PARAGRAPH, IndexSchema.TEXT,
      IndexSchema.TITLE, IndexSchema.SOURCE, IndexSchema.BYLINE, IndexSchema.PUBLISHED, IndexSchema.URL);
  /** The stored fields a passage found by meaning adds. */
  static final List<String> MEANING_FIELDS = List.of(VectorFields.SENTENCE_VECTORS, VectorFields.HEADLINE_VECTOR);
  /** The stored fields a listing shows. */
  static final List<String> SUMMARY_FIELDS = List.of(IndexSchema.STORY_ID, IndexSchema.TITLE, IndexSchema.SOURCE,
      IndexSchema.BYLINE, IndexSchema.PUBLISHED, IndexSchema.URL);

  private SolrDocuments() {}

  /** The unique key of a paragraph: story id, '#', 1-based paragraph number (a story id may hold '#' itself). */
  public static String id(String storyId, int paragraph) {
    return storyId + "#" + paragraph;
  }

  /**
   * Paragraph {@code paragraph} (1-based) of {@code story} with {@code text}, and its meaning fields when it has them.
   *
   * @param meaning the paragraph's vector ({@value #DIMENSIONS} dimensions) and stored vectors, or null
   */
  public static SolrInputDocument paragraph(Story story, int paragraph, String text, VectorFields.Values meaning) {
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
    if (meaning != null) {
      doc.addField(VECTOR, vector(meaning.vector()));
      doc.addField(VectorFields.SENTENCE_VECTORS, bytes(meaning.sentences()));
      doc.addField(VectorFields.HEADLINE_VECTOR, bytes(meaning.headline()));
    }
    return doc;
  }

  /** Every paragraph of {@code stories} without meaning, in the order the embedded indexer adds them. */
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

  /** A stored binary field of {@code doc} as the embedded index returns one, or null when absent. */
  static BytesRef binary(SolrDocument doc, String field) {
    Object v = doc.getFirstValue(field);
    if (v == null) return null;
    if (v instanceof byte[] b) return new BytesRef(b);
    if (v instanceof ByteBuffer b) {
      byte[] copy = new byte[b.remaining()];
      b.duplicate().get(copy);
      return new BytesRef(copy);
    }
    throw new IllegalStateException("Solr returned the binary field " + field + " as a " + v.getClass().getName());
  }

  // The bytes SolrJ sends for a BytesRef (it has no writer for BytesRef itself).
  private static byte[] bytes(BytesRef b) {
    return Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
  }

  private static void addIfKnown(SolrInputDocument doc, String field, String value) {
    if (value != null) doc.addField(field, value);
  }
}
