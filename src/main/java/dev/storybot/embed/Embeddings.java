package dev.storybot.embed;

import java.util.List;

/**
 * The vectors of a list of texts, in the same order, and how they were obtained.
 *
 * @param vectors one unit vector per text
 * @param embedded how many distinct texts the model had to embed (they were not stored yet)
 * @param reused how many texts were served from the store: {@code embedded + reused} is the number of texts
 */
public record Embeddings(List<float[]> vectors, int embedded, int reused) {

  public Embeddings {
    vectors = List.copyOf(vectors);
    if (embedded < 0 || reused < 0 || embedded + reused != vectors.size()) {
      throw new IllegalArgumentException(
          "counts do not add up: " + embedded + " embedded + " + reused + " reused for " + vectors.size() + " texts");
    }
  }
}
