package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.Fixtures;
import dev.storybot.index.StoryIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionAnalyzerTest {

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

  @Test
  void questionAndStopWordsDoNotDriveTheQuery() {
    AnalyzedQuestion q = analyzer.analyze("Who was the duke in the battle of Hastings?");
    assertEquals(List.of("duke", "battle", "hastings"), q.terms().stream().map(QueryTerm::exact).toList());
    assertEquals(List.of("duke", "battl", "hast"), List.copyOf(q.stems()));
  }

  @Test
  void framingFillersAreNotContentWords() {
    // "one" would stem to "on" and match every "one" of the stories; "kind" only frames the question.
    AnalyzedQuestion q = analyzer.analyze("What kind of harvest was one of the growers' hopes?");
    assertEquals(List.of("harvest", "growers", "hopes"), q.terms().stream().map(QueryTerm::exact).toList());
  }

  @Test
  void capitalisedWordsInsideTheQuestionAreNamesAndAdjacentOnesFormPhrases() {
    AnalyzedQuestion q = analyzer.analyze("Where did Antony Blinken fly after the Battle of Ankara in 2023?");
    List<String> specific = q.terms().stream().filter(QueryTerm::specific).map(QueryTerm::exact).toList();
    assertEquals(List.of("antony", "blinken", "battle", "ankara", "2023"), specific);
    List<List<String>> phrases = q.phrases().stream()
        .map(p -> p.stream().map(QueryTerm::exact).toList()).toList();
    assertEquals(List.of(List.of("antony", "blinken"), List.of("battle", "ankara")), phrases);
  }

  @Test
  void theFirstWordIsCapitalisedByGrammarNotAsAName() {
    AnalyzedQuestion q = analyzer.analyze("Growers expect what harvest?");
    assertFalse(q.terms().get(0).capitalised());
  }

  @Test
  void aQuestionOfOnlyQuestionWordsIsEmpty() {
    assertTrue(analyzer.analyze("What is it? Who was there?").isEmpty());
    assertTrue(analyzer.analyze("").isEmpty());
    assertTrue(analyzer.analyze(null).isEmpty());
  }

  @Test
  void aHugeQuestionIsCappedInTerms() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < 10_000; i++) b.append("word").append(i).append(' ');
    assertEquals(QuestionAnalyzer.MAX_TERMS, analyzer.analyze(b.toString()).terms().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"", "*", "~", "\\", "AND", "OR NOT", "title:bridge", "bridge~2", "\"unclosed phrase",
      "(((", "[a TO z]", "?", "🔥🌉 bridge?", "bridge^100", "/regex/", "+-&&||!(){}[]^\"~*?:\\/", "\u0000\uFFFF"})
  void oddCharactersNeverThrowAndStillSearch(String question, @TempDir Path temp) throws Exception {
    try (StoryIndex index = StoryIndex.inMemory(Fixtures.stories(temp))) {
      LucenePassageSearch search = new LucenePassageSearch(index);
      AnalyzedQuestion q = assertDoesNotThrow(() -> analyzer.analyze(question));
      assertDoesNotThrow(() -> search.search(q, 5));
      assertDoesNotThrow(() -> search.nearestTitles(q, 3));
    }
  }

  @Test
  void tenThousandCharactersOfAnythingSearch(@TempDir Path temp) throws Exception {
    StringBuilder b = new StringBuilder();
    String odd = "bridge \" * ~ \\ AND 🔥 harbor: (council) ";
    while (b.length() < 10_000) b.append(odd);
    try (StoryIndex index = StoryIndex.inMemory(Fixtures.stories(temp))) {
      PassageHits hits = new LucenePassageSearch(index).search(analyzer.analyze(b.toString()), 3);
      assertEquals("harbor-bridge.txt", hits.passages().get(0).storyId());
    }
  }
}
