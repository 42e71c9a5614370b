package dev.storybot.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A BERT-style {@link EmbeddingModel} (int8-quantized ONNX, 384 dimensions) run in process by our own ONNX Runtime
 * session: the model's prefix before each text, mean pooling over the real tokens, then L2 normalisation, as the
 * models were trained.
 *
 * <p>The model and its tokenizer come from the langchain4j artifact's resources, so nothing is downloaded. Unlike
 * that artifact's own class, the session uses exactly {@link EmbedderSettings#threads()} intra-op threads with
 * spinning off and one inter-op thread, and {@link #embedAll} runs texts of like length in padded batches: on 2
 * cores the stock class's spinning threads fight each other. Thread-safe; inputs longer than {@link #MAX_TOKENS} word pieces are
 * truncated.
 */
public final class OnnxEmbedder implements Embedder {

  /** The model card's limit (sentence-transformers' max_seq_length), [CLS] and [SEP] included. */
  public static final int MAX_TOKENS = 256;
  static final int DIMENSIONS = 384;
  /** Texts tokenized at a time by {@link #embedAll} (then sorted by token count and cut into batches). */
  private static final int TOKENIZE_WINDOW = 256;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTypeIds;
  private final String modelId;
  private final EmbeddingModel model;
  private final int batchSize;
  private final int batchTokens;
  // Runs share the lock; close takes it alone, so the native session is never freed under a running inference.
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private OnnxEmbedder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
      EmbeddingModel model, String modelId, EmbedderSettings settings) throws OrtException {
    this.model = model;
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
    this.modelId = modelId;
    this.batchSize = settings.batchSize();
    this.batchTokens = settings.batchTokens();
  }

  /** Loads all-MiniLM-L6-v2 with all available processors. */
  public static OnnxEmbedder load() {
    return load(EmbedderSettings.defaults());
  }

  /** Loads all-MiniLM-L6-v2 with {@code threads} intra-op threads. */
  public static OnnxEmbedder load(int threads) {
    return load(EmbedderSettings.withThreads(threads));
  }

  /** Loads all-MiniLM-L6-v2 with {@code settings}. */
  public static OnnxEmbedder load(EmbedderSettings settings) {
    return load(EmbeddingModel.MINILM_L6_V2, settings);
  }

  /** Loads {@code spec}'s model and tokenizer from the classpath; a missing resource or native library fails here. */
  public static OnnxEmbedder load(EmbeddingModel spec, EmbedderSettings settings) {
    byte[] model = resource(spec, spec.modelResource());
    String id = spec.name() + "/" + sha256(model).substring(0, 12) + "/max" + MAX_TOKENS;
    NativeLibraries.prepareTokenizer(settings.nativeDir());
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = sessionOptions(settings.threads())) {
      OrtSession session = environment.createSession(model, options);
      try {
        HuggingFaceTokenizer tokenizer = tokenizer(spec);
        return new OnnxEmbedder(environment, session, tokenizer, spec, id, settings);
      } catch (IOException | RuntimeException e) {
        session.close();
        throw e;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start ONNX Runtime for " + spec.modelResource() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + spec.tokenizerResource() + ": " + e.getMessage(), e);
    }
  }

  private static OrtSession.SessionOptions sessionOptions(int threads) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      // Spinning workers burn the cores the rest of the process (and the other intra-op threads) need.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  private static HuggingFaceTokenizer tokenizer(EmbeddingModel spec) throws IOException {
    // Truncate here; pad per batch ourselves (to the batch's longest) rather than to the json's fixed 128.
    Map<String, String> options = Map.of(
        "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS), "padding", "false",
        "modelMaxLength", Integer.toString(MAX_TOKENS));
    try (InputStream in = open(spec, spec.tokenizerResource())) {
      return HuggingFaceTokenizer.newInstance(in, options);
    }
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  @Override
  public float[] embedQuery(String question) {
    if (question == null) throw new IllegalArgumentException("question is null");
    return encode(List.of(question), model.queryPrefix()).get(0);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) throw new IllegalArgumentException("text " + i + " of " + texts.size() + " is null");
    }
    return encode(texts, model.passagePrefix());
  }

  private List<float[]> encode(List<String> texts, String prefix) {
    // Texts of like length share a batch, so little of each batch is padding.
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
    float[][] vectors = new float[texts.size()][];
    int window = Math.max(TOKENIZE_WINDOW, batchSize);
    lifecycle.readLock().lock();
    try {
      if (closed) throw new IllegalStateException("the embedder " + modelId + " is closed");
      for (int from = 0; from < order.length; from += window) {
        String[] chunk = new String[Math.min(window, order.length - from)];
        for (int i = 0; i < chunk.length; i++) chunk[i] = prefix + texts.get(order[from + i]);
        Encoding[] encodings = tokenizer.batchEncode(chunk);
        Integer[] byTokens = new Integer[chunk.length];
        for (int i = 0; i < byTokens.length; i++) byTokens[i] = i;
        Arrays.sort(byTokens, Comparator.comparingInt(i -> encodings[i].getIds().length));
        for (int first = 0, end; first < byTokens.length; first = end) {
          end = batchEnd(encodings, byTokens, first);
          Encoding[] batch = new Encoding[end - first];
          for (int i = first; i < end; i++) batch[i - first] = encodings[byTokens[i]];
          float[][] out = run(batch);
          for (int i = first; i < end; i++) vectors[order[from + byTokens[i]]] = out[i - first];
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch of " + texts.size() + " texts: " + e.getMessage(),
          e);
    } finally {
      lifecycle.readLock().unlock();
    }
    return Arrays.asList(vectors);
  }

  // The end of the batch that starts at `first`: at most batchSize texts and batchTokens padded tokens (at least one
  // text). Lengths ascend, so the batch's width is that of its last text.
  private int batchEnd(Encoding[] encodings, Integer[] byTokens, int first) {
    int end = first + 1;
    while (end < byTokens.length && end - first < batchSize
        && (long) (end - first + 1) * encodings[byTokens[end]].getIds().length <= batchTokens) {
      end++;
    }
    return end;
  }

  // One model run over a batch padded to its longest encoding, then masked mean pooling and normalisation.
  private float[][] run(Encoding[] encodings) throws OrtException {
    int rows = encodings.length;
    int width = 0;
    for (Encoding e : encodings) width = Math.max(width, e.getIds().length);
    long[] ids = new long[rows * width];
    long[] mask = new long[rows * width];
    long[] types = new long[rows * width];
    for (int r = 0; r < rows; r++) {
      long[] rowIds = encodings[r].getIds();
      System.arraycopy(rowIds, 0, ids, r * width, rowIds.length);
      System.arraycopy(encodings[r].getAttentionMask(), 0, mask, r * width, rowIds.length);
      System.arraycopy(encodings[r].getTypeIds(), 0, types, r * width, rowIds.length);
    }
    long[] shape = {rows, width};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (wantsTypeIds) inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();  // [rows, width, DIMENSIONS]
        return meanPool(hidden, mask, rows, width);
      }
    } finally {
      for (OnnxTensor t : inputs.values()) t.close();
    }
  }

  static float[][] meanPool(FloatBuffer hidden, long[] mask, int rows, int width) {
    float[][] vectors = new float[rows][DIMENSIONS];
    for (int r = 0; r < rows; r++) {
      float[] v = vectors[r];
      int tokens = 0;
      for (int t = 0; t < width; t++) {
        if (mask[r * width + t] == 0) continue;
        tokens++;
        int base = (r * width + t) * DIMENSIONS;
        for (int d = 0; d < DIMENSIONS; d++) v[d] += hidden.get(base + d);
      }
      for (int d = 0; d < DIMENSIONS; d++) v[d] /= tokens;
      VectorMath.normalize(v);
    }
    return vectors;
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      tokenizer.close();
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX Runtime session of " + modelId, e);
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "OnnxEmbedder[" + modelId + ", batches of " + batchSize + " texts / " + batchTokens + " tokens]";
  }

  private static InputStream open(EmbeddingModel spec, String name) {
    InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the model resource " + name + " is not on the classpath (it comes from "
          + spec.artifact() + ")");
    }
    return in;
  }

  private static byte[] resource(EmbeddingModel spec, String name) {
    try (InputStream in = open(spec, name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model resource " + name + ": " + e.getMessage(), e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }
}
