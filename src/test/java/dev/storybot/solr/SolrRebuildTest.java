package dev.storybot.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Question;
import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.config.DatabaseSettings;
import dev.storybot.index.InProcessRebuildLock;
import dev.storybot.index.IndexStats;
import dev.storybot.index.RebuildLock;
import dev.storybot.index.StoryIndex;
import dev.storybot.index.VectorSource;
import dev.storybot.postgres.Database;
import dev.storybot.postgres.PostgresRebuildLock;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.SentenceVectors;
import dev.storybot.search.Shelf;
import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.ParityQuestions;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import dev.storybot.testing.TestDatabases;
import dev.storybot.testing.TestMeaning;
import dev.storybot.testing.TestStories;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds in Solr: a new collection per generation, the alias moved only when it is complete. Questions asked all
 * through a rebuild are answered from the old stories or the new, never from a mix, never empty; a failed build leaves
 * the alias where it was; rebuilds take turns (in one process, or across replicas through PostgreSQL's advisory
 * lock), and one of unchanged stories (and unchanged meaning) is skipped.
 */
@ExtendWith(SolrClusterExtension.class)
class SolrRebuildTest {

  static final String ALIAS = "rebuild";

  @TempDir Path temp;
  SolrCluster solr;
  SolrShelf shelf;
  List<Story> before;
  List<Story> after;

  @BeforeEach
  void stories(SolrCluster cluster) throws Exception {
    solr = cluster;
    solr.dropAlias(ALIAS);
    before = Fixtures.stories(temp.resolve("fixtures"));
    after = TestStories.all(temp);  // the fixtures again, and many more stories: other words, other weights
    shelf = SolrShelf.connect(solr.settings(ALIAS));
  }

  @AfterEach
  void drop() throws Exception {
    if (shelf != null) shelf.close();
    solr.dropAlias(ALIAS);
  }

  @Test
  void questionsDuringRebuildsAreAnsweredFromTheOldStoriesOrTheNewNeverAMix() throws Exception {
    SolrRebuilder rebuilder = shelf.rebuilder(new InProcessRebuildLock(), false, null);
    long first = rebuilder.rebuild(before).generation();
    List<Question> questions = ParityQuestions.of(before, 60, 7);
    Map<Question, Answer> old = answers(before, questions);
    Map<Question, Answer> fresh = answers(after, questions);
    long changed = questions.stream().filter(q -> !old.get(q).equals(fresh.get(q))).count();
    assertTrue(changed >= 20, "questions whose answer the rebuild changes: " + changed);

    ShelfAnswerer answerer = new ShelfAnswerer(shelf);
    AtomicBoolean asking = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Map.Entry<Question, Answer>> asked = new ConcurrentLinkedQueue<>();
    CountDownLatch warm = new CountDownLatch(20);
    List<CompletableFuture<Void>> streams = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int offset = t * 31;
      streams.add(CompletableFuture.runAsync(() -> {
        for (int i = offset; asking.get(); i++) {
          Question q = questions.get(i % questions.size());
          asked.add(Map.entry(q, answerer.answer(q)));
          warm.countDown();
        }
      }));
    }
    assertTrue(warm.await(60, TimeUnit.SECONDS), "questions are being answered");
    long second = rebuilder.rebuild(after).generation();
    int duringFirst = asked.size();
    long third = rebuilder.rebuild(before).generation();
    asking.set(false);
    CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    assertEquals(List.of(first + 1, first + 2), List.of(second, third), "each rebuild is the next generation");
    List<String> mixed = new ArrayList<>();
    int fromOld = 0;
    int fromNew = 0;
    for (Map.Entry<Question, Answer> e : asked) {
      Answer a = e.getValue();
      boolean isOld = a.equals(old.get(e.getKey()));
      boolean isNew = a.equals(fresh.get(e.getKey()));
      if (!isOld && !isNew) mixed.add(e.getKey() + " -> " + a);
      if (isOld && !isNew) fromOld++;
      if (isNew && !isOld) fromNew++;
    }
    assertEquals(List.of(), mixed, "answers neither of the old stories nor of the new");
    assertTrue(asked.size() > duringFirst && fromOld > 0 && fromNew > 0,
        asked.size() + " answers, " + fromOld + " only the old stories give, " + fromNew + " only the new");
    // The generation before the last stays for questions pinned to it; the first is gone.
    assertEquals(List.of(second, third), generations());
    assertEquals(third, shelf.read(Shelf.Snapshot::stats).generation());
  }

  @Test
  void aFailedBuildLeavesTheAliasWhereItWasAndDeletesItsCollection() throws Exception {
    long generation = shelf.rebuilder(new InProcessRebuildLock(), false, null).rebuild(before).generation();
    SolrRebuilder failing = shelf.rebuilder(new InProcessRebuildLock(), false,
        new BrokenVectors(after.get(after.size() / 2).id()));
    Exception e = assertThrows(Exception.class, () -> failing.rebuild(after));
    assertNotNull(e.getMessage());
    IndexStats stats = shelf.read(Shelf.Snapshot::stats);
    assertEquals(generation, stats.generation());
    assertEquals(before.size(), stats.stories());
    assertEquals(List.of(generation), generations(), "the failed generation's collection is gone");
  }

  @Test
  void replicasRebuildingTheSameStoriesTakeTurnsAndBuildThemOnce() throws Exception {
    InProcessRebuildLock lock = new InProcessRebuildLock();
    long first = takeTurns(lock, lock);
    assertEquals(first + 1, rebuild(shelf, lock, after, n -> {}).generation(), "unchanged stories are not rebuilt");
    assertEquals(first + 2, rebuild(shelf, lock, before, n -> {}).generation(), "changed ones are");
  }

  @Test
  void replicasSharingOnePostgresTakeTurnsThroughItsAdvisoryLock() throws Exception {
    String url = TestDatabases.fresh();
    try (Database a = Database.open(new DatabaseSettings(url, null, null), Database.Timing.standard());
         Database b = Database.open(new DatabaseSettings(url, null, null), Database.Timing.standard())) {
      takeTurns(new PostgresRebuildLock(a), new PostgresRebuildLock(b));
    }
  }

  // Two replicas, each with its own connections and lock, reload the same changed folder at the same time: one
  // builds the new generation, the other waits for it and then finds nothing to build. Returns the first generation.
  private long takeTurns(RebuildLock lockA, RebuildLock lockB) throws Exception {
    long first = shelf.rebuilder(new InProcessRebuildLock(), false, null).rebuild(before).generation();
    AtomicInteger written = new AtomicInteger();
    ExecutorService two = Executors.newFixedThreadPool(2);
    try (SolrShelf other = SolrShelf.connect(solr.settings(ALIAS))) {
      CountDownLatch go = new CountDownLatch(1);
      CompletableFuture<IndexStats> a = CompletableFuture.supplyAsync(() -> {
        await(go);
        return rebuild(shelf, lockA, after, n -> written.incrementAndGet());
      }, two);
      CompletableFuture<IndexStats> b = CompletableFuture.supplyAsync(() -> {
        await(go);
        return rebuild(other, lockB, after, n -> written.incrementAndGet());
      }, two);
      go.countDown();
      assertEquals(first + 1, a.get(120, TimeUnit.SECONDS).generation());
      assertEquals(first + 1, b.get(120, TimeUnit.SECONDS).generation());
    } finally {
      two.shutdownNow();
    }
    assertEquals(after.size(), written.get(), "every story written once, by one replica");
    assertEquals(List.of(first, first + 1), generations().stream().sorted().toList(), "one new collection");
    return first;
  }

  private static void await(CountDownLatch go) {
    try {
      go.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void statisticsComeFromTheBuild() throws Exception {
    Instant start = Instant.now();
    IndexStats built = shelf.rebuilder(new InProcessRebuildLock(), false, null).rebuild(before);
    IndexStats read = shelf.read(Shelf.Snapshot::stats);
    assertEquals(built, read);
    assertEquals(before.size(), read.stories());
    assertEquals(Fixtures.paragraphs(before), read.paragraphs());
    assertTrue(!read.builtAt().isBefore(start.minusSeconds(1)) && !read.builtAt().isAfter(Instant.now()),
        read.toString());
    assertNotEquals(0, read.generation());
  }

  @Test
  void aRebuildWithMeaningNamesTheModelAndIsRedoneWhenTheModelChanges() throws Exception {
    InProcessRebuildLock lock = new InProcessRebuildLock();
    long words = shelf.rebuilder(lock, true, null).rebuild(before).generation();
    assertNull(shelf.read(Shelf.Snapshot::stats).model(), "words alone");
    SentenceVectors vectors = TestMeaning.vectors();
    IndexStats built = shelf.rebuilder(lock, true, vectors).rebuild(before);
    assertEquals(words + 1, built.generation(), "the same stories, now with their meaning: built again");
    assertEquals(vectors.modelId(), built.model());
    assertEquals(built, shelf.read(Shelf.Snapshot::stats));
    assertEquals(built.generation(), shelf.rebuilder(lock, true, vectors).rebuild(before).generation(),
        "unchanged stories of the same model are not rebuilt");
    assertEquals(built.generation() + 1, shelf.rebuilder(lock, true, null).rebuild(before).generation(),
        "nor kept when meaning is turned off");
    assertNull(shelf.read(Shelf.Snapshot::stats).model());
  }

  private List<Long> generations() throws Exception {
    List<Long> numbers = new ArrayList<>();
    for (String c : shelf.collections().generations()) numbers.add(shelf.collections().generationOf(c).getAsLong());
    return numbers;
  }

  /** Vectors of the right length for every story but one, whose paragraphs get a vector Lucene refuses (NaN). */
  private record BrokenVectors(String broken) implements VectorSource {
    @Override
    public String modelId() {
      return "broken-model";
    }

    @Override
    public StoryVectors vectors(Story story) {
      float[] v = new float[SolrDocuments.DIMENSIONS];
      v[0] = story.id().equals(broken) ? Float.NaN : 1f;
      return new StoryVectors(v, story.paragraphs().stream().map(p -> new float[][] {v}).toList());
    }
  }

  private static IndexStats rebuild(SolrShelf shelf, RebuildLock lock, List<Story> stories, IntConsumer progress) {
    try {
      return shelf.rebuilder(lock, true, null).rebuild(stories, progress);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Question, Answer> answers(List<Story> stories, List<Question> questions) {
    Map<Question, Answer> answers = new HashMap<>();
    try (LuceneShelf embedded = new LuceneShelf(StoryIndex.inMemory(stories))) {
      ShelfAnswerer answerer = new ShelfAnswerer(embedded);
      for (Question q : questions) answers.put(q, answerer.answer(q));
    }
    return answers;
  }
}
