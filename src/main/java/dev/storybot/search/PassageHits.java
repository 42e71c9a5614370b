package dev.storybot.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paragraphs found for a question, best first, and how much each question word weighs in this index.
 *
 * @param passages best first
 * @param weights stem → weight (inverse document frequency over paragraphs; words the index lacks weigh most)
 * @param guessed stems standing in for words the index lacks (probable typos): they weigh as unknown words and a
 *     match earns only {@link #GUESS_CREDIT} of that weight, so a guess alone never makes an answer look sure
 */
public record PassageHits(List<Passage> passages, Map<String, Double> weights, Set<String> guessed) {

  /** The share of its weight that a guessed word earns when found. */
  public static final double GUESS_CREDIT = 0.5;

  public PassageHits {
    passages = List.copyOf(passages);
    weights = Map.copyOf(weights);
    guessed = Set.copyOf(guessed);
  }

  /** Hits for a question with nothing guessed. */
  public PassageHits(List<Passage> passages, Map<String, Double> weights) {
    this(passages, weights, Set.of());
  }

  /** What finding {@code stem} earns towards coverage: its weight, or a part of it for a guessed word. */
  public double credit(String stem) {
    double w = weight(stem);
    return guessed.contains(stem) ? GUESS_CREDIT * w : w;
  }

  /** A stem's weight, 0 when it is not a question word. */
  public double weight(String stem) {
    return weights.getOrDefault(stem, 0.0);
  }
}
