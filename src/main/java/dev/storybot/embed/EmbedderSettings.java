package dev.storybot.embed;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@link MiniLmEmbedder} runs: ONNX Runtime's intra-op threads, how many texts go through the model at once,
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

  /** Measured fastest on 2 cores among 1, 8, 16, 32, 64 (see the embed benchmark in the tests). */
  public static final int DEFAULT_BATCH_SIZE = 16;
  /** Keeps the arena of a run of long paragraphs near that of a batch of sentences (see the embed benchmark). */
  public static final int DEFAULT_BATCH_TOKENS = 1024;

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
