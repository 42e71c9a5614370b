package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import dev.storybot.answer.Question;
import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.index.StoryIndex;
import dev.storybot.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpellingTest {

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
  private StoryIndex index;

  @BeforeEach
  void indexTheTestStories(@TempDir Path temp) {
    index = StoryIndex.inMemory(Fixtures.stories(temp.resolve("stories")));
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private AnalyzedQuestion corrected(String question) {
    return index.withSearcher(s -> Spelling.correct(s.getIndexReader(), analyzer.analyze(question)));
  }

  @Test
  void anUnknownWordBecomesTheClosestKnownOne() {
    AnalyzedQuestion q = corrected("Which firm designed the lifting secton of the brigde?");
    assertEquals(List.of("firm", "design", "lift", "section", "bridg"), List.copyOf(q.stems()));
    assertEquals(Set.of("section", "bridg"), q.guessed());
  }

  @Test
  void knownWordsAndQuestionsWithoutTyposAreLeftAlone() {
    AnalyzedQuestion asked = analyzer.analyze("How much will the bridge cost?");
    AnalyzedQuestion q = index.withSearcher(s -> Spelling.correct(s.getIndexReader(), asked));
    assertSame(asked, q);
  }

  @Test
  void shortOrFarWordsAreNotGuessed() {
    // "brige" is too short to guess from; "zeppelin" is nothing like any word of the stories.
    AnalyzedQuestion q = corrected("Did the brige carry a zeppelin?");
    assertEquals(Set.of(), q.guessed());
    assertTrue(q.stems().contains("zeppelin"));
  }

  @Test
  void editsCountASwapOfNeighbouringLettersAsOne() {
    assertEquals(1, Spelling.edits("pacakge", "package"));
    assertEquals(1, Spelling.edits("norman", "normal"));
    assertEquals(2, Spelling.edits("primeier", "premier"));
    assertEquals(0, Spelling.edits("harbor", "harbor"));
  }

  @Test
  void aGuessedWordEarnsHalfItsWeight() {
    PassageHits hits = new PassageHits(List.of(), Map.of("bridg", 2.0, "cost", 1.0), Set.of("bridg"));
    assertEquals(PassageHits.GUESS_CREDIT * 2.0, hits.credit("bridg"));
    assertEquals(1.0, hits.credit("cost"));
  }

  @Test
  void theAnswerMarksTheWordTheTypoStoodFor() {
    Answer answer = new ShelfAnswerer(new LuceneShelf(index)).answer(Question.of("How much will the brigde cost?"));
    assertTrue(answer.answered(), answer.toString());
    Excerpt first = answer.excerpts().get(0);
    assertTrue(first.quote().contains("48 million dollars"), first.quote());
    List<String> marked = first.emphasis().stream().map(s -> first.quote().substring(s.start(), s.end())).toList();
    assertTrue(marked.contains("bridge"), marked.toString());
  }
}
