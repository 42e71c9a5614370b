package dev.storybot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryIndexTest {

  @TempDir Path temp;

  @Test
  void writesOneDocumentPerParagraphWithCountsInTheCommit() throws IOException {
    List<Story> stories = Fixtures.stories(temp.resolve("stories"));
    Instant at = Instant.parse("2026-11-27T08:00:00Z");
    Path folder = temp.resolve("index");
    try (Directory dir = FSDirectory.open(folder)) {
      IndexStats written = new StoryIndexer(Clock.fixed(at, ZoneOffset.UTC), null).write(dir, stories, n -> {});
      assertEquals(stories.size(), written.stories());
      assertEquals(stories.stream().mapToInt(s -> s.paragraphs().size()).sum(), written.paragraphs());
    }
    try (StoryIndex index = StoryIndex.open(folder)) {
      IndexStats stats = index.stats();
      assertEquals(stories.size(), stats.stories());
      assertEquals(Fixtures.paragraphs(stories), stats.paragraphs());
      assertEquals(at, stats.builtAt());
      Document doc = index.withSearcher(s -> {
        var top = s.search(new TermQuery(new Term(IndexSchema.TEXT_EXACT, "dehumidifier")), 1);
        return s.storedFields().document(top.scoreDocs[0].doc);
      });
      assertEquals("library-fire.txt", doc.get(IndexSchema.STORY_ID));
      assertEquals("Fire damages rare book collection at Eastfield library", doc.get(IndexSchema.TITLE));
      Story fire = Fixtures.named(stories, "library-fire.txt");
      assertEquals(Fixtures.paragraphNumber(fire, "dehumidifier"), doc.getField(IndexSchema.PARAGRAPH).numericValue().intValue());
      assertTrue(doc.get(IndexSchema.TEXT).startsWith("Investigators believe"));
    }
  }

  @Test
  void aFailedRebuildLeavesTheOldIndexIntact() throws IOException {
    List<Story> stories = Fixtures.stories(temp.resolve("stories"));
    Path folder = temp.resolve("index");
    try (StoryIndex index = StoryIndex.build(folder, stories, n -> {})) {
      long generation = index.stats().generation();
      IndexSearcher before = index.acquire();
      try {
        List<Story> failing = failingAfter(stories.subList(0, 1), 1);
        assertThrows(IllegalStateException.class, () -> index.rebuild(failing));
        assertEquals(Fixtures.paragraphs(stories), before.getIndexReader().numDocs());
      } finally {
        index.release(before);
      }
      assertEquals(Fixtures.paragraphs(stories), index.stats().paragraphs());
      assertEquals(generation, index.stats().generation());
    }
    // The folder on disk still holds the old commit for any new reader.
    try (Directory dir = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(Fixtures.paragraphs(stories), reader.numDocs());
      assertEquals(Integer.toString(stories.size()), reader.getIndexCommit().getUserData().get(IndexSchema.DATA_STORIES));
    }
  }

  @Test
  void segmentsFlushedByABuildThatNeverCommitsAreInvisible() throws IOException {
    List<Story> stories = Fixtures.stories(temp.resolve("stories"));
    Path folder = temp.resolve("index");
    StoryIndex.build(folder, stories, n -> {}).close();
    // A build killed after writing segments but before its commit: what a new reader finds then.
    IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setCommitOnClose(false);
    try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir, config)) {
      Story one = stories.get(0);
      for (int i = 0; i < one.paragraphs().size(); i++) {
        writer.addDocument(StoryIndexer.document(one, i + 1, one.paragraphs().get(i)));
      }
      writer.flush();
      try (StoryIndex index = StoryIndex.open(folder)) {
        assertEquals(Fixtures.paragraphs(stories), index.stats().paragraphs());
        assertEquals(stories.size(), index.stats().stories());
      }
      writer.rollback();
    }
    try (StoryIndex index = StoryIndex.open(folder)) {
      assertEquals(Fixtures.paragraphs(stories), index.stats().paragraphs());
    }
  }

  @Test
  void aSearcherAcquiredBeforeARebuildKeepsItsViewWhileNewSearchesSeeTheNewIndex() throws IOException {
    List<Story> stories = Fixtures.stories(temp.resolve("stories"));
    try (StoryIndex index = StoryIndex.build(temp.resolve("index"), stories, n -> {})) {
      long oldGeneration = index.stats().generation();
      IndexSearcher old = index.acquire();
      try {
        IndexStats rebuilt = index.rebuild(stories.subList(0, 1));
        assertEquals(1, rebuilt.stories());
        assertEquals(Fixtures.paragraphs(stories), old.getIndexReader().numDocs());
        assertEquals(stories.get(0).paragraphs().size(), index.stats().paragraphs());
        assertEquals(1, index.stats().stories());
        assertTrue(index.stats().generation() > oldGeneration);
      } finally {
        index.release(old);
      }
    }
  }

  @Test
  void anotherProcessesCommitIsSeenAfterRefresh() throws IOException {
    List<Story> stories = Fixtures.stories(temp.resolve("stories"));
    Path folder = temp.resolve("index");
    try (StoryIndex index = StoryIndex.build(folder, stories, n -> {})) {
      try (Directory dir = FSDirectory.open(folder)) {
        new StoryIndexer().write(dir, stories.subList(1, 2), n -> {});
      }
      assertEquals(stories.size(), index.stats().stories());
      assertTrue(index.refresh());
      assertEquals(1, index.stats().stories());
    }
  }

  @Test
  void aFolderWithoutAnIndexSaysHowToBuildOne() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    var e = assertThrows(IndexUnavailableException.class, () -> StoryIndex.open(empty));
    assertEquals("no index in " + empty + ": run `storybot index --stories DIR --index " + empty + "`", e.getMessage());
    var missing = assertThrows(IndexUnavailableException.class, () -> StoryIndex.open(temp.resolve("nope")));
    assertTrue(missing.getMessage().startsWith("no index in "), missing.getMessage());
  }

  @Test
  void aCorruptIndexIsReportedAsUnreadable() throws IOException {
    Path folder = temp.resolve("index");
    StoryIndex.build(folder, Fixtures.stories(temp.resolve("stories")), n -> {}).close();
    try (var files = Files.list(folder)) {
      for (Path f : files.filter(p -> !p.getFileName().toString().startsWith("segments")).toList()) {
        Files.write(f, new byte[] {1, 2, 3});
      }
    }
    var e = assertThrows(IndexUnavailableException.class, () -> StoryIndex.open(folder));
    assertTrue(e.getMessage().startsWith("the index in " + folder + " is unreadable"), e.getMessage());
    assertTrue(e.getMessage().endsWith("rebuild it with `storybot index --stories DIR --index " + folder + "`"));
  }

  @Test
  void anInMemoryIndexCountsItsStories() throws IOException {
    List<Story> stories = Fixtures.stories(temp.resolve("stories"));
    try (StoryIndex index = StoryIndex.inMemory(stories)) {
      assertEquals(stories.size(), index.stats().stories());
      assertEquals(Fixtures.paragraphs(stories), index.stats().paragraphs());
    }
  }

  // A story list that fails when the indexer reaches element `at`, as a broken reader would midway.
  private static List<Story> failingAfter(List<Story> good, int at) {
    return new AbstractList<>() {
      @Override
      public Story get(int i) {
        if (i >= at) throw new IllegalStateException("story stream broke at " + i);
        return good.get(i);
      }

      @Override
      public int size() {
        return at + 5;
      }
    };
  }
}
