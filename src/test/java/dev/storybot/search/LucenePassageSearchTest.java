package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.Fixtures;
import dev.storybot.index.StoryIndex;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LucenePassageSearchTest {

  @Test
  void anUnknownNameWeighsDoubleAnUnknownWordOnce(@TempDir Path temp) throws Exception {
    AnalyzedQuestion q = new QuestionAnalyzer().analyze("Did Zorblax see a zeppelin over the harbor?");
    try (StoryIndex index = StoryIndex.inMemory(Fixtures.stories(temp))) {
      Map<String, Double> w = index.withSearcher(s -> LucenePassageSearch.weights(s.getIndexReader(), q));
      double unknown = w.get("zeppelin");
      assertEquals(LucenePassageSearch.UNKNOWN_NAME_WEIGHT * unknown, w.get("zorblax"), 1e-9);
      assertTrue(w.get("harbor") < unknown, "a word the stories use weighs less than one they never use");
    }
  }
}
