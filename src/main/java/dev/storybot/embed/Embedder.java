package dev.storybot.embed;

import java.util.List;

/**
 * A sentence-embedding model: text in, a unit-length vector out, so that the dot product of two vectors is their
 * cosine similarity (see {@link VectorMath#dot}). Implementations are thread-safe and hold native resources until
 * {@link #close()}.
 */
public interface Embedder extends AutoCloseable {

  /** The length of every vector this model returns. */
  int dimensions();

  /**
   * Names the model and everything that shapes its vectors (weights, truncation): two embedders with the same id
   * give the same vector for the same text, so stored vectors are keyed by it.
   */
  String modelId();

  /** The vector of one text, as a passage that may answer questions. */
  float[] embed(String text);

  /** The vector of a question, to compare with passages' vectors (models trained on pairs embed the two apart). */
  default float[] embedQuery(String question) {
    return embed(question);
  }

  /** The vectors of {@code texts}, in the same order; faster per text than {@link #embed} one by one. */
  List<float[]> embedAll(List<String> texts);

  /** Releases the model; calls after this throw {@link IllegalStateException}. */
  @Override
  void close();
}
