package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.StoryIndex;
import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneShelfTest {

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

  @Test
  void anUnknownNameWeighsDoubleAnUnknownWordOnce(@TempDir Path temp) throws Exception {
    AnalyzedQuestion q = analyzer.analyze("Did Zorblax see a zeppelin over the harbor?");
    try (StoryIndex index = StoryIndex.inMemory(Fixtures.stories(temp.resolve("stories")))) {
      Map<String, Double> w = index.withSearcher(s -> LuceneShelf.weights(s.getIndexReader(), q));
      double unknown = w.get("zeppelin");
      assertEquals(TermWeights.UNKNOWN_NAME_WEIGHT * unknown, w.get("zorblax"), 1e-9);
      assertTrue(w.get("harbor") < unknown, "a word the stories use weighs less than one they never use");
    }
  }

  @Test
  void aSnapshotKeepsReadingItsGenerationWhileTheIndexIsRebuilt(@TempDir Path temp) throws Exception {
    List<Story> stories = Fixtures.stories(temp.resolve("stories"));
    Story bridge = stories.stream().filter(s -> s.id().equals("millbrook-bridge.txt")).findFirst().orElseThrow();
    List<Story> withoutBridge = stories.stream().filter(s -> s != bridge).toList();
    try (StoryIndex index = StoryIndex.build(temp.resolve("index"), stories, n -> {});
         LuceneShelf shelf = new LuceneShelf(index)) {
      AnalyzedQuestion q = analyzer.analyze("How much will the harbor bridge cost?");
      try (Shelf.Snapshot before = shelf.snapshot()) {
        long generation = before.stats().generation();
        index.rebuild(withoutBridge);
        // Every read of this snapshot still sees the shelf as it was when the question came in.
        assertEquals(generation, before.stats().generation());
        assertEquals(stories.size(), before.count(Scope.ALL));
        assertEquals("millbrook-bridge.txt", before.search(q, Scope.ALL, 3).passages().get(0).storyId());
        assertTrue(before.nearestTitles(q, Scope.ALL, 3).contains(bridge.title()));
        try (Shelf.Snapshot after = shelf.snapshot()) {
          assertNotEquals(generation, after.stats().generation());
          assertEquals(withoutBridge.size(), after.count(Scope.ALL));
          assertTrue(after.search(q, Scope.ALL, 3).passages().stream()
              .noneMatch(p -> p.storyId().equals("millbrook-bridge.txt")));
        }
      }
    }
  }

  @Test
  void passagesAndListingsCarryTheWholeAttribution(@TempDir Path temp) throws Exception {
    List<Story> stories = Fixtures.stories(temp.resolve("stories"));
    try (LuceneShelf shelf = new LuceneShelf(StoryIndex.inMemory(stories))) {
      Passage p = shelf.read(s -> s.search(analyzer.analyze("How much will the harbor bridge cost?"), Scope.ALL, 1))
          .passages().get(0);
      Story story = stories.stream().filter(s -> s.id().equals(p.storyId())).findFirst().orElseThrow();
      assertEquals(story.attribution(), p.attribution());
      assertEquals(story.paragraphs().get(p.paragraph() - 1), p.text());
      StoryPage page = shelf.read(s -> s.newest(Scope.ALL, 0, 10));
      assertEquals(stories.size(), page.total());
      for (StorySummary summary : page.stories()) {
        Story s = stories.stream().filter(x -> x.id().equals(summary.id())).findFirst().orElseThrow();
        assertEquals(s.attribution(), summary.attribution());
      }
    }
  }
}
