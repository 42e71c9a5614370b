package dev.storybot.index;

import dev.storybot.story.Story;
import java.util.List;

/**
 * Where the index gets the meaning of a story's text from an embedding model: a vector for its headline and one for
 * each sentence of each paragraph. The search stage supplies it (it knows how paragraphs split into sentences).
 */
public interface VectorSource {

  /** Names the model; recorded in the index so that questions are embedded by the same one. */
  String modelId();

  /** Hears that a pass over {@code stories} begins (for progress as a grand total); returns what it will embed. */
  default int expect(List<Story> stories) {
    return 0;
  }

  /** The vectors of {@code story}'s headline and sentences. */
  StoryVectors vectors(Story story);

  /**
   * One story's vectors, each of unit length.
   *
   * @param headline the headline's
   * @param paragraphs for each paragraph in order, its sentences' in order
   */
  record StoryVectors(float[] headline, List<float[][]> paragraphs) {}
}
