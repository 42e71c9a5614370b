package dev.storybot.search;

import java.util.List;
import java.util.Map;

/**
 * The paragraphs found for a question, best first, and how much each question word weighs in this index.
 *
 * @param passages best first
 * @param weights stem → weight (inverse document frequency over paragraphs; words the index lacks weigh most)
 */
public record PassageHits(List<Passage> passages, Map<String, Double> weights) {

  public PassageHits {
    passages = List.copyOf(passages);
    weights = Map.copyOf(weights);
  }

  /** A stem's weight, 0 when it is not a question word. */
  public double weight(String stem) {
    return weights.getOrDefault(stem, 0.0);
  }
}
