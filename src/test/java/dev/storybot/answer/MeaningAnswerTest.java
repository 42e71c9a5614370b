package dev.storybot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.PassageHits;
import dev.storybot.search.QuestionAnalyzer;
import dev.storybot.search.Scope;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.Shelf;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.TestMeaning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers by meaning as well as words, with the real embedding model over real story files: a question that shares no
 * word with its answer is answered, and questions the stories cannot answer are declined.
 */
class MeaningAnswerTest {

  @TempDir Path temp;

  private List<Story> meaningStories() throws IOException {
    for (String name : List.of("clinic-warning.txt", "harbour-ferry.txt")) {
      try (InputStream in = getClass().getResourceAsStream("/meaning/" + name)) {
        Files.copy(in, temp.resolve(name));
      }
    }
    return StoryLoader.load(temp).stories();
  }

  private static Answer ask(Shelf shelf, boolean meaning, String question) {
    return new ShelfAnswerer(shelf, meaning ? TestMeaning.shared().embedder() : null).answer(Question.of(question));
  }

  @Test
  void aParagraphThatSharesNoWordWithTheQuestionIsFoundAndRankedByMeaning() throws IOException {
    List<Story> stories = meaningStories();
    AnalyzedQuestion question = new QuestionAnalyzer().analyze("What did the physicians advise sick people to do?");
    try (Shelf shelf = new LuceneShelf(TestMeaning.index(stories)); Shelf.Snapshot snapshot = shelf.snapshot()) {
      assertTrue(snapshot.search(question, Scope.ALL, 5).passages().isEmpty(), "by words alone there is nothing");
      PassageHits hits = snapshot.search(
          question.withMeaning(TestMeaning.shared().embedder().embedQuery(question.question())), Scope.ALL, 5);
      ExcerptRanker.Ranked first = new ExcerptRanker(ExcerptRanker.DEFAULT_THRESHOLD).rank(
          question.withMeaning(TestMeaning.shared().embedder().embedQuery(question.question())), hits).ranked().get(0);
      assertEquals("clinic-warning.txt", first.passage().storyId());
      assertTrue(first.pick().quote().of(first.passage().text()).startsWith("Doctors cautioned"),
          first.passage().text());
    }
  }

  @Test
  void theBundledStoryAnswersWhatItSaysAndDeclinesWhatItDoesNot() {
    try (Shelf shelf = new LuceneShelf(TestMeaning.index(StoryLoader.bundled()))) {
      Answer tokyo = ask(shelf, true, "Where did Blinken go after Ankara?");
      assertTrue(tokyo.answered(), tokyo::toString);
      assertTrue(tokyo.excerpts().get(0).quote().contains("departed Ankara for Tokyo"), tokyo.excerpts().get(0).quote());
      assertEquals(1, tokyo.excerpts().size(), "the other excerpts answer nothing: " + tokyo.excerpts());
      for (String offTopic : List.of("What is the capital of France?", "What's the weather in Tokyo?",
          "How many jobs will Kestrel Motors add?")) {
        Answer a = ask(shelf, true, offTopic);
        assertFalse(a.answered(), offTopic + " -> " + a.excerpts());
        assertNull(a.problem());
      }
    }
  }

  @Test
  void theFirstPageShowsOnlyExcerptsThatEarnTheirPlaceAndMoreShowsTheRestInOrder() throws IOException {
    try (Shelf shelf = new LuceneShelf(TestMeaning.index(meaningStories()))) {
      ShelfAnswerer answerer = new ShelfAnswerer(shelf, TestMeaning.shared().embedder());
      Answer first = answerer.answer(Question.of("How long does the ferry crossing take?"));
      assertTrue(first.answered(), first::toString);
      assertTrue(first.excerpts().get(0).quote().contains("twenty minutes"), first.excerpts().get(0).quote());
      assertTrue(first.hasMore(), "the rest stays one click away");
      Answer next = answerer.answer(new Question(first.question(), null, List.of(), first.excerpts().size(), 3));
      for (Excerpt e : next.excerpts()) {
        assertFalse(first.excerpts().stream().anyMatch(f -> f.storyId().equals(e.storyId())
            && f.paragraph() == e.paragraph()), "never the same excerpt twice: " + e);
      }
    }
  }
}
