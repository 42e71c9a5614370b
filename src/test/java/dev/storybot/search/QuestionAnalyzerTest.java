package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.StoryIndex;
import dev.storybot.testing.Fixtures;
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
  void oddCharactersAreNeitherSyntaxNorSearchWords(String question, @TempDir Path temp) throws Exception {
    try (Shelf shelf = new LuceneShelf(StoryIndex.inMemory(Fixtures.stories(temp.resolve("stories"))))) {
      // Query syntax never becomes part of a search word (it is never parsed, and the tokenizer drops it)...
      for (QueryTerm t : analyzer.analyze(question).terms()) {
        assertTrue(t.stem().chars().noneMatch(c -> "\"()[]{}^~*?\\/+!&|".indexOf(c) >= 0), () -> question + " -> " + t);
      }
      // ...and beside a real word they change nothing: "bridge" still finds the bridge story first.
      AnalyzedQuestion withWord = analyzer.analyze(question + " harbor bridge");
      PassageHits hits = shelf.read(s -> s.search(withWord, Scope.ALL, 5));
      assertEquals("millbrook-bridge.txt", hits.passages().get(0).storyId(), question);
      assertEquals("Council approves new harbor bridge after two-year debate",
          shelf.read(s -> s.nearestTitles(withWord, Scope.ALL, 1)).get(0), question);
    }
  }

  @Test
  void tenThousandCharactersOfAnythingSearch(@TempDir Path temp) throws Exception {
    StringBuilder b = new StringBuilder();
    String odd = "bridge \" * ~ \\ AND 🔥 harbor: (council) ";
    while (b.length() < 10_000) b.append(odd);
    try (StoryIndex index = StoryIndex.inMemory(Fixtures.stories(temp.resolve("stories")))) {
      PassageHits hits = new LuceneShelf(index).read(s -> s.search(analyzer.analyze(b.toString()), Scope.ALL, 3));
      assertEquals("millbrook-bridge.txt", hits.passages().get(0).storyId());
    }
  }
}
