package dev.storybot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.StoryIndex;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.Shelf;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.Fixtures;
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
class ShelfAnswererTest {

  private Shelf bundled;
  private ShelfAnswerer answerer;
  private String headline;

  @BeforeAll
  void indexTheBundledStory() {
    List<Story> stories = StoryLoader.bundled();
    headline = stories.get(0).title();
    bundled = new LuceneShelf(StoryIndex.inMemory(stories));
    answerer = new ShelfAnswerer(bundled);
  }

  @AfterAll
  void close() {
    bundled.close();
  }

  private static Question page(String question, int offset, int limit) {
    return new Question(question, null, List.of(), offset, limit);
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
    Answer a = answerer.answer(Question.of(question));
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
    Answer a = answerer.answer(Question.of("Where did Blinken go after Ankara?"));
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
    String question = "What did Blinken say about humanitarian pauses?";
    Answer all = answerer.answer(page(question, 0, 6));
    Answer first = answerer.answer(page(question, 0, 2));
    Answer second = answerer.answer(page(question, 2, 2));
    assertEquals(2, first.excerpts().size());
    assertTrue(first.hasMore());
    assertEquals(all.excerpts().subList(0, 2), first.excerpts());
    assertEquals(all.excerpts().subList(2, 4), second.excerpts());
    for (int i = 1; i < all.excerpts().size(); i++) {
      assertTrue(all.excerpts().get(i - 1).score() >= all.excerpts().get(i).score());
    }
    Answer beyond = answerer.answer(page(question, 500, 3));
    assertTrue(beyond.excerpts().isEmpty());
    assertFalse(beyond.hasMore());
    assertThrows(IllegalArgumentException.class, () -> page(question, -1, 3));
    assertThrows(IllegalArgumentException.class, () -> page(question, 0, 0));
  }

  @Test
  void aQuestionTheStoriesDoNotAnswerGetsTheNearestHeadlines(@TempDir Path temp) throws IOException {
    List<Story> stories = Fixtures.stories(temp.resolve("stories"));
    try (Shelf shelf = new LuceneShelf(StoryIndex.inMemory(stories))) {
      ShelfAnswerer answerer = new ShelfAnswerer(shelf);
      Answer a = answerer.answer(Question.of("Who designed the library's new planetarium telescope?"));
      assertFalse(a.answered(), () -> "answered: " + a.excerpts());
      assertTrue(a.excerpts().isEmpty());
      // The two library stories' headlines come first, the new library's (its headline holds "new" too) before the fire's.
      assertEquals(List.of(Fixtures.named(stories, "library-opening.md").title(),
          Fixtures.named(stories, "library-fire.txt").title()), a.nearest().subList(0, 2));
      assertTrue(a.confidence() < ExcerptRanker.DEFAULT_THRESHOLD);

      Answer nothing = answerer.answer(Question.of("What is it?"));
      assertFalse(nothing.answered());
      assertEquals(List.of(), nothing.nearest());

      Answer answered = answerer.answer(Question.of("How much will the bridge cost?"));
      assertTrue(answered.answered());
      assertTrue(answered.excerpts().get(0).quote().contains("48 million dollars"));
    }
  }

  @Test
  void filtersNarrowTheSearchAndTheNoteSaysSo() {
    Answer cnn = answerer.answer(Question.of("source:CNN Where did Blinken go after Ankara?"));
    assertTrue(cnn.answered(), cnn::toString);
    assertEquals("source:CNN Where did Blinken go after Ankara?", cnn.question(), "the question as typed");
    assertEquals("Searched stories from CNN", cnn.note());
    assertEquals(null, cnn.problem());

    Answer nowhere = answerer.answer(Question.of("source:Nowhere who said it?"));
    assertFalse(nowhere.answered());
    assertTrue(nowhere.problem().startsWith("None of our stories match the filters (stories from Nowhere)"),
        nowhere::toString);

    Answer channel = answerer.answer(new Question("Where did Blinken go after Ankara?", null, List.of("Reuters"), 0, 3));
    assertTrue(channel.problem().contains("stories among Reuters") || channel.problem().contains("from Reuters"),
        channel::toString);
  }

  @Test
  void aQuestionThatCannotBeSearchedSaysWhyInsteadOfNotFound() {
    Answer bad = answerer.answer(Question.of("after:yesterday what happened?"));
    assertTrue(bad.problem().startsWith("I couldn't use that filter: after: needs a date"), bad::toString);
    Answer onlyFilters = answerer.answer(Question.of("source:CNN"));
    assertTrue(onlyFilters.problem().startsWith("Add a question to the filters"), onlyFilters::toString);
    assertEquals("Searched stories from CNN", onlyFilters.note());
    Answer empty = answerer.answer(Question.of("   "));
    assertTrue(empty.problem().startsWith("Ask me a question"), empty::toString);
  }

  @Test
  void aFollowUpIsReadWithItsThreadsQuestionAndTheNoteNamesIt() {
    Answer plain = answerer.answer(Question.of("And the hostages?"));
    Answer followUp = answerer.answer(new Question("And the hostages?", "What did Qatar say about the talks?",
        List.of(), 0, 3));
    assertEquals("Following up on \u201cWhat did Qatar say about the talks?\u201d", followUp.note());
    assertEquals(null, plain.note());
  }

  @Test
  void everyAnswerIsObservedOnceWithItsTimeAndFailuresToo() {
    List<Answer> heard = new java.util.ArrayList<>();
    List<RuntimeException> failed = new java.util.ArrayList<>();
    AnswerObserver observer = new AnswerObserver() {
      @Override
      public void answered(Answer answer, long nanos) {
        assertTrue(nanos > 0);
        heard.add(answer);
      }

      @Override
      public void failed(RuntimeException error) {
        failed.add(error);
      }
    };
    Answer a = new ShelfAnswerer(() -> bundled, null, observer).answer(Question.of("Where did Blinken go after Ankara?"));
    assertEquals(List.of(a), heard);
    ShelfAnswerer loading = new ShelfAnswerer(() -> {
      throw new IllegalStateException("the stories are still loading");
    }, null, observer);
    assertThrows(IllegalStateException.class, () -> loading.answer(Question.of("Where did Blinken go?")));
    assertEquals(1, failed.size());
  }
}
