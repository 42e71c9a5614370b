package dev.storybot.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Question;
import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.config.SolrSettings;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.ParityQuestions;
import dev.storybot.testing.ShelfTwins;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With one of two Solr nodes stopped, answers keep coming and stay the same: the collection has a replica on each
 * node, and the shelf, given both nodes' URLs, turns to the other node when the one it was talking to goes away.
 */
@ExtendWith(SolrClusterExtension.class)
class SolrFailoverTest {

  static final String ALIAS = "failover_shelf";

  @TempDir Path temp;

  @Test
  void answersKeepComingWhileEitherNodeIsStopped(SolrCluster solr) throws Exception {
    List<Story> stories = Fixtures.stories(temp);
    List<Question> questions = ParityQuestions.of(stories, 40, 3);
    try (ShelfTwins shelves = ShelfTwins.of(solr, ALIAS, stories);
         SolrShelf firstOnly = SolrShelf.connect(new SolrSettings(List.of(solr.nodeUrls().get(0)), ALIAS))) {
      ShelfAnswerer expected = new ShelfAnswerer(shelves.embedded());
      ShelfAnswerer both = new ShelfAnswerer(shelves.solr());
      ShelfAnswerer first = new ShelfAnswerer(firstOnly);
      List<Answer> answers = new ArrayList<>();
      for (Question q : questions) answers.add(expected.answer(q));

      // The node the shelf does not talk to goes: its replica's loss is not even noticed.
      AtomicBoolean stopped = new AtomicBoolean();
      try {
        assertEquals(answers, during(() -> stopped.set(solr.stopNode(1) != null), both, questions, answers),
            "node 1 stopping");
        assertEquals(answers, all(first, questions));
      } finally {
        if (stopped.getAndSet(false)) solr.startNode(1);
      }

      // The node it talks to goes: the shelf turns to the other one, between two questions or within one.
      try {
        assertEquals(answers, during(() -> stopped.set(solr.stopNode(0) != null), both, questions, answers),
            "node 0 stopping");
        assertEquals(answers, all(both, questions));
        // With a single URL there is nothing to turn to: a load balancer or several URLs in SOLR_URL are for this.
        IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> first.answer(questions.get(0)));
        assertTrue(e.getMessage().contains("does not answer"), e.getMessage());
      } finally {
        if (stopped.get()) solr.startNode(0);
      }
      assertEquals(answers, all(first, questions), "node 0 is back");
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  // Asks in a loop while {@code step} runs; every answer must be the expected one.
  private static List<Answer> during(Step step, ShelfAnswerer answerer, List<Question> questions, List<Answer> answers)
      throws Exception {
    AtomicBoolean asking = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    CountDownLatch started = new CountDownLatch(10);
    CompletableFuture<Integer> stream = CompletableFuture.supplyAsync(() -> {
      int asked = 0;
      for (int i = 0; asking.get() || asked < questions.size(); i++) {
        Question q = questions.get(i % questions.size());
        Answer a = answerer.answer(q);
        if (!a.equals(answers.get(i % questions.size()))) wrong.add(q.text() + " -> " + a);
        asked++;
        started.countDown();
      }
      return asked;
    });
    assertTrue(started.await(60, TimeUnit.SECONDS), "questions are being answered");
    step.run();
    asking.set(false);
    int asked = stream.get(120, TimeUnit.SECONDS);
    assertEquals(List.of(), List.copyOf(wrong), "wrong answers among " + asked);
    return all(answerer, questions);
  }

  private static List<Answer> all(ShelfAnswerer answerer, List<Question> questions) {
    List<Answer> out = new ArrayList<>();
    for (Question q : questions) out.add(answerer.answer(q));
    return out;
  }
}
