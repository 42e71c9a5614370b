package dev.storybot.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Question;
import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.embed.Embedder;
import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.Passage;
import dev.storybot.search.QuestionAnalyzer;
import dev.storybot.search.Scope;
import dev.storybot.search.Shelf;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.ParityQuestions;
import dev.storybot.testing.ShelfTwins;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import dev.storybot.testing.TestMeaning;
import dev.storybot.testing.TestStories;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one question path gives the same answers through Solr (1 shard × 2 replicas) as through the embedded index, by
 * words alone and by meaning too: over every test story, at least 500 questions made from their paragraphs — with
 * typos, filters of every kind, thread context, channel shelves and later pages — and questions the stories cannot
 * answer; excerpts, scores, confidence, notes, nearest headlines and problems equal. The nearest paragraphs by meaning
 * are the same ones, in the same order. Listings, counts and statistics too. Both shelves hold the stories' vectors
 * (from the tests' one model), and answer by words alone when asked without it.
 */
@ExtendWith(SolrClusterExtension.class)
class SolrShelfParityTest {

  static final String ALIAS = "parity";

  @TempDir static Path temp;
  static ShelfTwins shelves;
  static List<Story> stories;

  @BeforeAll
  static void indexBoth(SolrCluster solr) throws Exception {
    stories = new ArrayList<>(StoryLoader.bundled());
    stories.addAll(TestStories.all(temp));
    shelves = ShelfTwins.withMeaning(solr, ALIAS, stories);
  }

  @AfterAll
  static void drop() throws Exception {
    if (shelves != null) shelves.close();
  }

  @Test
  void everyQuestionGetsTheSameAnswerByWordsFromBoth() {
    assertSameAnswers(new ShelfAnswerer(shelves.embedded()), new ShelfAnswerer(shelves.solr()));
  }

  @Test
  void everyQuestionGetsTheSameAnswerByMeaningFromBoth() {
    Embedder model = TestMeaning.shared().embedder();
    assertSameAnswers(new ShelfAnswerer(shelves.embedded(), model), new ShelfAnswerer(shelves.solr(), model));
  }

  @Test
  void theNearestParagraphsByMeaningAreTheSameInTheSameOrder() {
    Embedder model = TestMeaning.shared().embedder();
    QuestionAnalyzer analyzer = new QuestionAnalyzer();
    List<Scope> scopes = List.of(Scope.ALL, new Scope(List.of("Reuters"), List.of(), null, null, null, null),
        new Scope(List.of(), List.of(), null, LocalDate.of(2023, 11, 5), null, null));
    List<String> differences = new ArrayList<>();
    int compared = 0;
    int byMeaningAlone = 0;
    for (Question q : ParityQuestions.of(stories, 200, 16)) {
      AnalyzedQuestion asked = analyzer.analyze(q.text()).withMeaning(model.embedQuery(q.text()));
      for (Scope scope : scopes) {
        List<String> expected = candidates(shelves.embedded(), asked, scope);
        List<String> actual = candidates(shelves.solr(), asked, scope);
        byMeaningAlone += (int) expected.stream().filter(c -> c.contains(" words 0.0 meaning ")).count();
        if (!expected.equals(actual)) differences.add(q.text() + " in " + scope.describe() + "\n  embedded: " + expected
            + "\n  solr:     " + actual);
        compared++;
      }
    }
    assertEquals(List.of(), differences, differences.size() + " of " + compared + " candidate lists differ");
    assertTrue(byMeaningAlone > compared, "paragraphs found by meaning alone: " + byMeaningAlone);
  }

  // The paragraphs a search by words and meaning finds, in order, with what each was found with.
  private static List<String> candidates(Shelf shelf, AnalyzedQuestion question, Scope scope) {
    List<String> out = new ArrayList<>();
    for (Passage p : shelf.read(s -> s.search(question, scope, 20)).passages()) {
      out.add(p.storyId() + " ¶" + p.paragraph() + " words " + p.score() + " meaning " + p.meaning() + " headline "
          + p.headlineMeaning() + " sentences " + Arrays.deepToString(p.sentenceVectors()).hashCode());
    }
    return out;
  }

  private static void assertSameAnswers(ShelfAnswerer embedded, ShelfAnswerer solr) {
    List<Question> questions = ParityQuestions.of(stories, 600, 15);
    assertTrue(questions.size() >= 500, "questions: " + questions.size());
    List<String> differences = new ArrayList<>();
    int answered = 0;
    int notFound = 0;
    int problems = 0;
    for (Question q : questions) {
      Answer expected = embedded.answer(q);
      Answer actual = solr.answer(q);
      if (!expected.equals(actual)) differences.add(q + "\n  embedded: " + expected + "\n  solr:     " + actual);
      if (expected.answered()) answered++;
      else if (expected.problem() == null) notFound++;
      else problems++;
    }
    assertEquals(List.of(), differences, differences.size() + " of " + questions.size() + " answers differ");
    // The questions reach every outcome, so the equality above covers each path.
    assertTrue(answered >= 300 && notFound >= 20 && problems >= 20,
        "answered " + answered + ", not found " + notFound + ", problems " + problems);
  }

  @Test
  void typosAreCorrectedAlike() {
    QuestionAnalyzer analyzer = new QuestionAnalyzer();
    int corrected = 0;
    for (Question q : ParityQuestions.of(stories, 600, 15)) {
      AnalyzedQuestion asked = analyzer.analyze(q.text());
      AnalyzedQuestion expected = shelves.embedded().read(s -> s.corrected(asked));
      assertEquals(expected, shelves.solr().read(s -> s.corrected(asked)), q.text());
      if (!expected.guessed().isEmpty()) corrected++;
    }
    // About one question in nine has a typo; not every typo has a correction in so small a shelf (26 of 600 with
    // every test story folder). The bound only proves the corrector's path is reached, and compared, often.
    assertTrue(corrected >= 20, "questions with a corrected word: " + corrected);
  }

  @Test
  void listingsCountsAndStatisticsAgree() {
    List<Scope> scopes = List.of(Scope.ALL,
        new Scope(List.of("CNN"), List.of(), null, null, null, null),
        new Scope(List.of(), List.of("Reuters", "Harbour Gazette"), null, null, null, null),
        new Scope(List.of(), List.of(), "hostage talks", null, null, null),
        new Scope(List.of(), List.of(), "the", null, null, null),
        new Scope(List.of(), List.of(), null, LocalDate.of(2023, 11, 5), null, null),
        new Scope(List.of(), List.of(), null, null, LocalDate.of(2023, 11, 10), null));
    for (Scope scope : scopes) {
      long total = same(s -> s.count(scope), scope.describe());
      for (int offset = 0; offset <= total + 2; offset += 4) {
        int from = offset;
        same(s -> s.newest(scope, from, 4), scope.describe() + " from " + offset);
      }
    }
    assertEquals(stories.size(), (int) same(s -> s.stats().stories(), "stories"));
    same(s -> s.stats().paragraphs(), "paragraphs");
    assertEquals(TestMeaning.shared().embedder().modelId(), same(s -> s.stats().model(), "model"));
  }

  private static <T> T same(Function<Shelf.Snapshot, T> read, String what) {
    T expected = shelves.embedded().read(read);
    assertEquals(expected, shelves.solr().read(read), what);
    return expected;
  }
}
