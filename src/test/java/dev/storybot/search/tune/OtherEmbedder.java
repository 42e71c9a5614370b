package dev.storybot.search.tune;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.storybot.embed.Embedder;
import dev.storybot.embed.VectorMath;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tuning only: another ONNX sentence model from a langchain4j artifact, with its query/passage prefixes. */
final class OtherEmbedder implements Embedder {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean cls;
  private final String queryPrefix;
  private final String passagePrefix;
  private final String id;

  OtherEmbedder(String name, boolean cls, String queryPrefix, String passagePrefix) throws Exception {
    byte[] model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name + ".onnx")) {
      model = in.readAllBytes();
    }
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setIntraOpNumThreads(2);
    o.setInterOpNumThreads(1);
    o.addConfigEntry("session.intra_op.allow_spinning", "0");
    session = env.createSession(model, o);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name + "-tokenizer.json")) {
      tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "true", "maxLength", "256", "padding", "false",
          "modelMaxLength", "256"));
    }
    this.cls = cls;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
    this.id = name + (cls ? "/cls" : "/mean") + "/" + queryPrefix.hashCode() + "/" + passagePrefix.hashCode();
  }

  @Override public int dimensions() { return 384; }
  @Override public String modelId() { return id; }
  @Override public float[] embed(String text) { return run(List.of(queryPrefix + text)).get(0); }

  @Override public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i += 16) {
      List<String> b = new ArrayList<>();
      for (String t : texts.subList(i, Math.min(texts.size(), i + 16))) b.add(passagePrefix + t);
      out.addAll(run(b));
    }
    return out;
  }

  private List<float[]> run(List<String> batch) {
    try {
      Encoding[] enc = tokenizer.batchEncode(batch.toArray(new String[0]));
      int rows = enc.length, width = 0;
      for (Encoding e : enc) width = Math.max(width, e.getIds().length);
      long[] ids = new long[rows * width], mask = new long[rows * width], types = new long[rows * width];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(enc[r].getIds(), 0, ids, r * width, enc[r].getIds().length);
        System.arraycopy(enc[r].getAttentionMask(), 0, mask, r * width, enc[r].getIds().length);
      }
      long[] shape = {rows, width};
      Map<String, OnnxTensor> in = new HashMap<>();
      in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (session.getInputNames().contains("token_type_ids")) in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
      try (OrtSession.Result res = session.run(in)) {
        FloatBuffer h = ((OnnxTensor) res.get(0)).getFloatBuffer();
        List<float[]> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
          float[] v = new float[384];
          int n = 0;
          for (int t = 0; t < width; t++) {
            if (mask[r * width + t] == 0 || (cls && t > 0)) continue;
            n++;
            for (int d = 0; d < 384; d++) v[d] += h.get((r * width + t) * 384 + d);
          }
          for (int d = 0; d < 384; d++) v[d] /= n;
          out.add(VectorMath.normalize(v));
        }
        return out;
      } finally {
        for (OnnxTensor t : in.values()) t.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override public void close() {}
}
