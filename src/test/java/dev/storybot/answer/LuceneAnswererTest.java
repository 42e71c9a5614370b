package dev.storybot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.Fixtures;
import dev.storybot.index.StoryIndex;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneAnswererTest {

  private StoryIndex bundled;
  private String headline;

  @BeforeAll
  void indexTheBundledStory() {
    List<Story> stories = StoryLoader.bundled();
    headline = stories.get(0).title();
    bundled = StoryIndex.inMemory(stories);
  }

  @AfterAll
  void close() throws IOException {
    bundled.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Where did Blinken go after Ankara?                               | Tokyo
      Who is the spokesperson for Qatar's Ministry of Foreign Affairs? | Majed Al-Ansari
      What did Biden and Netanyahu discuss?                            | tactical pauses
      Who met Blinken at the summit in Amman?                          | Jordan, Egypt, Qatar
      What did Netanyahu reject after meeting Blinken?                 | publicly rejected any stop to the fighting
      """)
  void theFirstQuoteOfTheBundledStoryAnswers(String question, String answer) {
    Answer a = new LuceneAnswerer(bundled).answer(question);
    assertTrue(a.answered(), () -> "not answered: " + a);
    Excerpt first = a.excerpts().get(0);
    assertTrue(first.quote().contains(answer), () -> "first quote lacks \"" + answer + "\": " + first.quote());
    assertEquals(headline, first.title());
    assertEquals("blinken-middle-east-trip.txt", first.storyId());
    assertTrue(first.paragraph() >= 1);
    assertTrue(a.confidence() > 0 && a.confidence() <= 1);
  }

  @Test
  void quotesAreVerbatimShortAndEmphasiseTheQuestionsWords() {
    Answer a = new LuceneAnswerer(bundled).answer("Where did Blinken go after Ankara?");
    for (Excerpt e : a.excerpts()) {
      Story story = StoryLoader.bundled().get(0);
      assertTrue(story.paragraphs().get(e.paragraph() - 1).contains(e.quote()), e.quote());
      assertTrue(e.quote().length() <= Excerpt.MAX_QUOTE_CHARS);
    }
    Excerpt first = a.excerpts().get(0);
    List<String> marked = first.emphasis().stream().map(s -> first.quote().substring(s.start(), s.end())).toList();
    assertTrue(marked.contains("Ankara"), marked::toString);
    for (String m : marked) {
      assertTrue(List.of("blinken", "ankara", "after", "go").contains(m.toLowerCase(Locale.ROOT)), m);
    }
  }

  @Test
  void pagesThroughExcerptsBestFirst() {
    LuceneAnswerer answerer = new LuceneAnswerer(bundled);
    String question = "What did Blinken say about humanitarian pauses?";
    Answer all = answerer.answer(question, 0, 6);
    Answer first = answerer.answer(question, 0, 2);
    Answer second = answerer.answer(question, 2, 2);
    assertEquals(2, first.excerpts().size());
    assertTrue(first.hasMore());
    assertEquals(all.excerpts().subList(0, 2), first.excerpts());
    assertEquals(all.excerpts().subList(2, 4), second.excerpts());
    for (int i = 1; i < all.excerpts().size(); i++) {
      assertTrue(all.excerpts().get(i - 1).score() >= all.excerpts().get(i).score());
    }
    Answer beyond = answerer.answer(question, 500, 3);
    assertTrue(beyond.excerpts().isEmpty());
    assertFalse(beyond.hasMore());
    assertThrows(IllegalArgumentException.class, () -> answerer.answer(question, -1, 3));
    assertThrows(IllegalArgumentException.class, () -> answerer.answer(question, 0, 0));
  }

  @Test
  void aQuestionTheStoriesDoNotAnswerGetsTheNearestHeadlines(@TempDir Path temp) throws IOException {
    try (StoryIndex index = StoryIndex.inMemory(Fixtures.stories(temp))) {
      LuceneAnswerer answerer = new LuceneAnswerer(index);
      Answer a = answerer.answer("Who designed the library's new planetarium telescope?");
      assertFalse(a.answered(), () -> "answered: " + a.excerpts());
      assertTrue(a.excerpts().isEmpty());
      assertEquals("Fire damages rare book collection at Eastfield library", a.nearest().get(0));
      assertTrue(a.confidence() < LuceneAnswerer.DEFAULT_THRESHOLD);

      Answer nothing = answerer.answer("What is it?");
      assertFalse(nothing.answered());
      assertEquals(List.of(), nothing.nearest());

      Answer answered = answerer.answer("How much will the harbor bridge cost?");
      assertTrue(answered.answered());
      assertTrue(answered.excerpts().get(0).quote().contains("48 million dollars"));
    }
  }
}
