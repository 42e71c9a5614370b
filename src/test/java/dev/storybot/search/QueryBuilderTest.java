package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the paragraph and headline queries favour, each shown by two one-paragraph stories that differ in one
 * respect only. The favoured story's file sorts last, so that a tie in score would list it second.
 */
class QueryBuilderTest {

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
  private final QueryBuilder queries = new QueryBuilder();
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      any form of the stem, its own form more | Who replaced the cables?        | Bridge works  | The engineers replaced the cables.  | Road works   | The engineers are replacing cables.
      the same, the other way round           | Who is replacing the cables?    | Road works    | The engineers are replacing cables. | Bridge works | The engineers replaced the cables.
      a word of the headline                  | What did growers count at harvest? | Harvest report | Growers counted the apples.    | Weather report | Growers counted the apples.
      a capitalised word, taken for a name    | Did the Tarn or the cider mill open? | Second note | The Tarn mill opened.             | First note   | The cider mill opened.
      the same, the other way round           | Did the Cider or the tarn mill open? | First note  | The cider mill opened.            | Second note  | The Tarn mill opened.
      a name of two words as a phrase         | What did Ines Duarte open?      | Second note   | Ines Duarte opened the bridge.      | First note   | Duarte and Ines opened the bridge.
      """)
  void theParagraphQueryFavours(String what, String question, String headline, String paragraph, String otherHeadline,
      String otherParagraph) throws Exception {
    try (IndexedStories shelf = IndexedStories.of(dir, Map.of("b-favoured.txt", headline + "\n\n" + paragraph,
        "a-other.txt", otherHeadline + "\n\n" + otherParagraph))) {
      assertEquals(List.of("b-favoured.txt ¶1", "a-other.txt ¶1"),
          shelf.hits(queries.paragraphs(analyzer.analyze(question))), what);
    }
  }

  @Test
  void theHeadlineQueryWeighsHeadlineWordsOverTextWords() throws Exception {
    try (IndexedStories shelf = IndexedStories.of(dir, Map.of(
        "a-news.txt", "Town news\n\nThe harvest festival was loud.",
        "b-festival.txt", "Harvest festival\n\nThe town danced."))) {
      assertEquals(List.of("b-festival.txt", "a-news.txt"),
          shelf.storyIds(queries.titles(analyzer.analyze("When is the harvest festival?"))));
    }
  }

  @Test
  void aQuestionWithoutContentWordsFindsNothing() throws Exception {
    try (IndexedStories shelf = IndexedStories.fixtures(dir)) {
      AnalyzedQuestion empty = analyzer.analyze("What is it?");
      assertEquals(List.of(), shelf.hits(queries.paragraphs(empty)));
      assertEquals(List.of(), shelf.hits(queries.titles(empty)));
    }
  }
}
