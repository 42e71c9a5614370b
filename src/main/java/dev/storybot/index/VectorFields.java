package dev.storybot.index;

import java.nio.ByteBuffer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * The meaning fields of a paragraph document: its sentences' vectors (stored, int8 with a scale each, in sentence
 * order) and the normalised mean of them in an HNSW graph ({@link #VECTOR}) for nearest-neighbour search. The Solr
 * configset declares the same fields with the same graph settings, so both shelves find the same neighbours.
 */
public final class VectorFields {

  /** The paragraph's vector (normalised mean of its sentences'), searched by dot product (= cosine). */
  public static final String VECTOR = "vector";
  /** The paragraph's sentence vectors, stored: [count:u16] then per sentence [scale:f32][dims × i8]. */
  public static final String SENTENCE_VECTORS = "sentenceVectors";
  /** The story's headline vector, stored with each of its paragraphs (same encoding, one vector). */
  public static final String HEADLINE_VECTOR = "headlineVector";
  /** Commit user data: the model id of the vectors; absent when the index has none. */
  public static final String DATA_MODEL = "embeddingModel";
  /** Neighbours per node of the HNSW graph (Lucene's default; the Solr configset's hnswMaxConnections). */
  public static final int MAX_CONNECTIONS = 16;
  /** Candidates kept while the graph is built (Lucene's default; the Solr configset's hnswBeamWidth). */
  public static final int BEAM_WIDTH = 100;

  /**
   * One paragraph's meaning fields as written: the vector of its graph node, and its sentences' and its headline's
   * vectors as stored (see {@link #encode}).
   */
  public record Values(float[] vector, BytesRef sentences, BytesRef headline) {}

  private VectorFields() {}

  /**
   * The codec of an index with vectors: HNSW over the float vectors, as Solr 9.10's dense vector field has it (it has
   * no int8-quantised graph), so that a Solr shelf built from the same stories finds the same neighbours; everything
   * else as Lucene's default.
   */
  public static Codec codec() {
    KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat(MAX_CONNECTIONS, BEAM_WIDTH);
    return new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return hnsw;
      }
    };
  }

  /** A paragraph's meaning fields from its sentences' vectors and its story's headline vector; null without sentences. */
  public static Values values(float[][] sentences, float[] headline) {
    if (sentences.length == 0) return null;
    return new Values(mean(sentences), encode(sentences), encode(new float[][] {headline}));
  }

  /** Adds a paragraph's meaning fields: its sentence vectors, their normalised mean, its story's headline vector. */
  static void add(Document doc, float[][] sentences, float[] headline) {
    Values v = values(sentences, headline);
    if (v == null) return;
    doc.add(new KnnFloatVectorField(VECTOR, v.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    doc.add(new StoredField(SENTENCE_VECTORS, v.sentences()));
    doc.add(new StoredField(HEADLINE_VECTOR, v.headline()));
  }

  /** The normalised mean of unit vectors. */
  public static float[] mean(float[][] vectors) {
    float[] mean = new float[vectors[0].length];
    for (float[] v : vectors) for (int d = 0; d < mean.length; d++) mean[d] += v[d];
    double norm = 0;
    for (float x : mean) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm > 0) for (int d = 0; d < mean.length; d++) mean[d] /= (float) norm;
    return mean;
  }

  /** Sentence vectors as stored: int8 per dimension with one scale per vector. */
  static BytesRef encode(float[][] vectors) {
    int dims = vectors[0].length;
    if (vectors.length > 0xFFFF) throw new IllegalArgumentException("too many sentences: " + vectors.length);
    ByteBuffer b = ByteBuffer.allocate(2 + vectors.length * (4 + dims));
    b.putShort((short) vectors.length);
    for (float[] v : vectors) {
      if (v.length != dims) throw new IllegalArgumentException("vectors of " + v.length + " and " + dims + " dimensions");
      float max = 0;
      for (float x : v) max = Math.max(max, Math.abs(x));
      float scale = max == 0 ? 1 : max / 127f;
      b.putFloat(scale);
      for (float x : v) b.put((byte) Math.round(x / scale));
    }
    return new BytesRef(b.array());
  }

  /** The sentence vectors {@link #encode} wrote, each {@code dims} long; null for null. */
  public static float[][] decode(BytesRef bytes, int dims) {
    if (bytes == null) return null;
    ByteBuffer b = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
    int n = Short.toUnsignedInt(b.getShort());
    if (bytes.length != 2 + n * (4 + dims)) {
      throw new IllegalStateException("sentence vectors of " + bytes.length + " bytes do not hold " + n + " × " + dims);
    }
    float[][] out = new float[n][dims];
    for (int i = 0; i < n; i++) {
      float scale = b.getFloat();
      for (int d = 0; d < dims; d++) out[i][d] = b.get() * scale;
    }
    return out;
  }
}
