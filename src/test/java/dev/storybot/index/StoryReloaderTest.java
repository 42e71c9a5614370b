package dev.storybot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.metrics.Metrics;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.Scrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads of a real stories folder into a real index: what changes, what is kept, what is reported and counted. */
class StoryReloaderTest {

  private static final String KEEPER = "keeper.txt";
  private static final String KEEPER_TEXT = "Lighthouse keeper retires\n\nAgnes Thorvald climbed the tower every evening.";
  private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, 0, 0x41};

  @TempDir Path dir;
  private final Metrics metrics = new Metrics();
  private StoryLoad initial;
  private StoryIndex index;

  @BeforeEach
  void indexTheFixtures() throws IOException {
    initial = StoryLoader.load(Fixtures.folder(dir));
    index = StoryIndex.inMemory(initial.stories());
  }

  @AfterEach
  void close() throws IOException {
    index.close();
    metrics.close();
  }

  private StoryReloader reloader() {
    return new StoryReloader(dir, index, initial, metrics);
  }

  private long paragraphsWith(String word) {
    return index.withSearcher(s -> (long) s.count(new TermQuery(new Term(IndexSchema.TEXT_EXACT, word))));
  }

  @Test
  void beforeAnyReloadTheLastResultIsTheInitialLoad() {
    ReloadResult first = reloader().last();
    assertEquals("ok", first.result());
    assertEquals(initial.stories().size(), first.stories());
    assertEquals(initial.paragraphCount(), first.paragraphs());
    assertEquals(index.stats().generation(), first.generation());
  }

  @Test
  void anAddedStoryIsSearchableInANewGenerationAndCounted() throws IOException {
    StoryReloader reloader = reloader();
    long before = index.stats().generation();
    Files.writeString(dir.resolve(KEEPER), KEEPER_TEXT);

    ReloadResult r = reloader.reload();
    assertEquals("ok", r.result(), r.toString());
    assertEquals(initial.stories().size() + 1, r.stories());
    assertEquals(initial.paragraphCount() + 1, r.paragraphs());
    assertTrue(r.generation() > before);
    assertEquals(r.generation(), index.stats().generation());
    assertEquals(1, paragraphsWith("thorvald"));
    assertEquals(r, reloader.last());
    Scrape m = new Scrape(metrics.scrape());
    assertEquals(1, m.sum("storybot_index_reloads_seconds_count", "result", "ok"));
    assertEquals(0, m.sum("storybot_index_reload_skipped_files"));
  }

  @Test
  void aDeletedFilesStoryLeavesTheIndex() throws IOException {
    StoryReloader reloader = reloader();
    Files.delete(dir.resolve("library-fire.txt"));
    ReloadResult r = reloader.reload();
    assertEquals("ok", r.result());
    assertEquals(initial.stories().size() - 1, index.stats().stories());
    assertEquals(0, paragraphsWith("dehumidifier"));
  }

  @Test
  void aFileThatBreaksKeepsItsPreviousStoryAndIsReported() throws IOException {
    StoryReloader reloader = reloader();
    Files.write(dir.resolve("library-fire.txt"), NOT_UTF8);
    Files.write(dir.resolve("new-and-broken.txt"), NOT_UTF8);

    ReloadResult r = reloader.reload();
    assertEquals("partial", r.result());
    assertEquals(List.of(new StoryLoad.Skipped("library-fire.txt", "not UTF-8 text"),
        new StoryLoad.Skipped("new-and-broken.txt", "not UTF-8 text")), r.skipped());
    assertEquals(List.of("library-fire.txt"), r.kept(), "a file never read has nothing to keep");
    assertEquals(initial.stories().size(), r.stories());
    assertEquals(1, paragraphsWith("dehumidifier"));
    Scrape m = new Scrape(metrics.scrape());
    assertEquals(1, m.sum("storybot_index_reloads_seconds_count", "result", "partial"));
    assertEquals(2, m.sum("storybot_index_reload_skipped_files"));

    // Still broken on the next reload: still kept, from the version kept last time.
    assertEquals(List.of("library-fire.txt"), reloader.reload().kept());
    assertEquals(1, paragraphsWith("dehumidifier"));
  }

  @Test
  void withoutTheInitialLoadOnlyAPrimedReloaderKnowsWhatToKeep() throws IOException {
    Path orchard = dir.resolve("orchard-harvest.txt");
    byte[] good = Files.readAllBytes(orchard);
    Files.write(orchard, NOT_UTF8);
    assertEquals(List.of(), new StoryReloader(dir, index, null, metrics).reload().kept(),
        "an index opened from disk: the old version of the file is unknown");

    Files.write(orchard, good);
    StoryReloader primed = new StoryReloader(dir, index, null, metrics);
    primed.prime();
    Files.write(orchard, NOT_UTF8);
    assertEquals(List.of("orchard-harvest.txt"), primed.reload().kept());
  }

  @Test
  void aFolderWithNoStoryLeftOrNoFolderAtAllLeavesTheIndexAsItWas() throws IOException {
    StoryReloader reloader = reloader();
    IndexStats before = index.stats();
    for (String name : Fixtures.FILES) Files.delete(dir.resolve(name));

    ReloadResult empty = reloader.reload();
    assertEquals("failed", empty.result());
    assertTrue(empty.error().contains("holds no readable stories"), empty.error());
    assertEquals(before, index.stats());

    Files.delete(dir);
    ReloadResult gone = reloader.reload();
    assertEquals("failed", gone.result());
    assertTrue(gone.error().startsWith("cannot read " + dir), gone.error());
    assertEquals(before, index.stats());
    assertEquals(2, new Scrape(metrics.scrape()).sum("storybot_index_reloads_seconds_count", "result", "failed"));
  }
}
