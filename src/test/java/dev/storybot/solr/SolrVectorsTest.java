package dev.storybot.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storybot.index.InProcessRebuildLock;
import dev.storybot.search.Passage;
import dev.storybot.search.Scope;
import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook for answers by meaning: a rebuild writes each paragraph's embedding when one is given, and a snapshot
 * finds the paragraphs nearest a vector (cosine), within the scope's filters. Made-up vectors stand in for a model's.
 */
@ExtendWith(SolrClusterExtension.class)
class SolrVectorsTest {

  static final String ALIAS = "vectors";

  @TempDir Path temp;

  @Test
  void theNearestParagraphsToAVectorWithinTheFilters(SolrCluster solr) throws Exception {
    List<Story> stories = Fixtures.stories(temp);
    solr.dropAlias(ALIAS);
    try (SolrShelf shelf = SolrShelf.connect(solr.settings(ALIAS))) {
      shelf.rebuilder(new InProcessRebuildLock(), false, SolrVectorsTest::vectors).rebuild(stories);
      Story story = Fixtures.named(stories, "library-opening.md");
      float[] thirdParagraph = vector(story.id(), 3);
      for (int i = 0; i < thirdParagraph.length; i++) thirdParagraph[i] *= 2.5f;  // cosine ignores length
      try (SolrSnapshot snapshot = (SolrSnapshot) shelf.snapshot()) {
        List<Passage> nearest = snapshot.nearestByVector(thirdParagraph, Scope.ALL, 3);
        assertEquals(3, nearest.size());
        assertEquals(story.id() + " ¶3", nearest.get(0).storyId() + " ¶" + nearest.get(0).paragraph());
        assertEquals(1.0, nearest.get(0).score(), 1e-5, "cosine 1 scores (1 + 1) / 2");
        assertEquals(story.paragraphs().get(2), nearest.get(0).text());

        Scope reuters = new Scope(List.of("Reuters"), List.of(), null, null, null, null);
        List<Passage> filtered = snapshot.nearestByVector(thirdParagraph, reuters, 5);
        assertEquals(5, filtered.size(), "the filter applies before the nearest are taken, not after");
        for (Passage p : filtered) assertEquals("Reuters", p.attribution().source(), p.toString());
      }
    } finally {
      solr.dropAlias(ALIAS);
    }
  }

  private static List<float[]> vectors(Story story) {
    List<float[]> out = new ArrayList<>();
    for (int p = 1; p <= story.paragraphs().size(); p++) out.add(vector(story.id(), p));
    return out;
  }

  // A direction of its own for each paragraph, so only that paragraph's vector points exactly that way.
  private static float[] vector(String storyId, int paragraph) {
    float[] v = new float[SolrDocuments.DIMENSIONS];
    long seed = storyId.hashCode() * 31L + paragraph;
    for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(seed * 0.37 + i * (0.11 + (seed % 7) * 0.01));
    return v;
  }
}
