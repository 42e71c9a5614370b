package dev.storybot.index;

import dev.storybot.story.Story;
import java.util.List;

/**
 * Where the index gets the meaning of a story's text: one unit vector per sentence of each paragraph, from an
 * embedding model. The search stage supplies it (it knows how paragraphs split into sentences).
 */
public interface VectorSource {

  /** Names the model; recorded in the index so that questions are embedded by the same one. */
  String modelId();

  /** The length of every vector. */
  int dimensions();

  /** For each paragraph of {@code story}, in order, one vector per sentence, in order. */
  List<float[][]> sentenceVectors(Story story);
}
