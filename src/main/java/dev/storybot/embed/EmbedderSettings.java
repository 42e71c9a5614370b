package dev.storybot.embed;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@link OnnxEmbedder} runs: ONNX Runtime's intra-op threads, how many texts go through the model at once,
 * and where the tokenizer's native library is unpacked.
 *
 * @param threads intra-op threads for ONNX Runtime (one inference uses them all); usually the available processors
 * @param batchSize at most this many texts per model run in {@link Embedder#embedAll}; each batch is padded to its
 *     longest text
 * @param batchTokens at most this many tokens per model run (texts × the longest, padding included), at least one
 *     text: bounds a run's memory, which ONNX Runtime keeps as its arena for the life of the session
 * @param nativeDir where the tokenizer's native library is unpacked; empty: a fresh private folder under
 *     {@code java.io.tmpdir}, deleted at exit (unless the operator set DJL's own ENGINE_CACHE_DIR or DJL_CACHE_DIR)
 */
public record EmbedderSettings(int threads, int batchSize, int batchTokens, Optional<Path> nativeDir) {

  /**
   * At most 64 texts a run, but the token budget is what binds: sentences of about 40 tokens go 6 at a time, texts
   * over 128 tokens alone. On 2 cores that took the least CPU a text of the batchings measured for sentences (within
   * 4% of the best fixed batch, 8) and for paragraphs (6% less than one at a time, where every fixed batch size
   * cost more): see the embed benchmark in the tests.
   */
  public static final int DEFAULT_BATCH_SIZE = 64;
  /** See {@link #DEFAULT_BATCH_SIZE}; also keeps the arena ONNX Runtime holds after its largest run small. */
  public static final int DEFAULT_BATCH_TOKENS = 256;

  public EmbedderSettings {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    if (batchTokens < 1) throw new IllegalArgumentException("batchTokens must be at least 1: " + batchTokens);
    if (nativeDir == null) throw new IllegalArgumentException("nativeDir must not be null (use Optional.empty())");
  }

  /** All available processors, the default batch size, natives under the temp folder. */
  public static EmbedderSettings defaults() {
    return withThreads(Runtime.getRuntime().availableProcessors());
  }

  /** {@code threads} intra-op threads, the default batch size, natives under the temp folder. */
  public static EmbedderSettings withThreads(int threads) {
    return new EmbedderSettings(threads, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_TOKENS, Optional.empty());
  }

  public EmbedderSettings withBatchSize(int size) {
    return new EmbedderSettings(threads, size, batchTokens, nativeDir);
  }

  public EmbedderSettings withBatchTokens(int tokens) {
    return new EmbedderSettings(threads, batchSize, tokens, nativeDir);
  }

  public EmbedderSettings withNativeDir(Path dir) {
    return new EmbedderSettings(threads, batchSize, batchTokens, Optional.of(dir));
  }
}
