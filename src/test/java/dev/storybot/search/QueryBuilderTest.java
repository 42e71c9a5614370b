package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the paragraph and headline queries favour, each shown by two stories that differ in one respect only, so
 * that the boost under test decides their order.
 */
class QueryBuilderTest {

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
  private final QueryBuilder queries = new QueryBuilder();
  @TempDir Path dir;

  private List<String> paragraphs(IndexedStories shelf, String question) {
    return shelf.hits(queries.paragraphs(analyzer.analyze(question)));
  }

  @Test
  void aWordMatchesAnyFormOfItsStemAndItsOwnFormCountsMore() throws Exception {
    try (IndexedStories shelf = IndexedStories.of(dir, Map.of(
        "replacing.txt", "Road works\n\nThe engineers are replacing cables.",
        "replaced.txt", "Bridge works\n\nThe engineers replaced the cables."))) {
      assertEquals(List.of("replaced.txt ¶1", "replacing.txt ¶1"), paragraphs(shelf, "Who replaced the cables?"));
      assertEquals(List.of("replacing.txt ¶1", "replaced.txt ¶1"), paragraphs(shelf, "Who is replacing the cables?"));
    }
  }

  @Test
  void aWordOfTheHeadlineFavoursItsStory() throws Exception {
    try (IndexedStories shelf = IndexedStories.of(dir, Map.of(
        "a-weather.txt", "Weather report\n\nGrowers counted the apples.",
        "b-harvest.txt", "Harvest report\n\nGrowers counted the apples."))) {
      assertEquals(List.of("b-harvest.txt ¶1", "a-weather.txt ¶1"), paragraphs(shelf, "What did growers count at harvest?"));
    }
  }

  @Test
  void aCapitalisedWordInsideTheQuestionWeighsMoreThanAnOrdinaryOne() throws Exception {
    try (IndexedStories shelf = IndexedStories.of(dir, Map.of(
        "cider.txt", "First note\n\nThe cider mill opened.",
        "tarn.txt", "Second note\n\nThe Tarn mill opened."))) {
      // Both words are equally rare; "Tarn", capitalised mid-question, is taken for a name.
      assertEquals(List.of("tarn.txt ¶1", "cider.txt ¶1"), paragraphs(shelf, "Did the Tarn or the cider mill open?"));
      assertEquals(List.of("cider.txt ¶1", "tarn.txt ¶1"), paragraphs(shelf, "Did the Cider or the tarn mill open?"));
    }
  }

  @Test
  void aNameOfTwoWordsMatchesBestAsAPhrase() throws Exception {
    try (IndexedStories shelf = IndexedStories.of(dir, Map.of(
        "apart.txt", "First note\n\nDuarte and Ines opened the bridge.",
        "together.txt", "Second note\n\nInes Duarte opened the bridge."))) {
      assertEquals(List.of("together.txt ¶1", "apart.txt ¶1"), paragraphs(shelf, "What did Ines Duarte open?"));
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
