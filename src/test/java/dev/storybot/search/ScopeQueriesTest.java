package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.story.Story;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scopes as Lucene clauses over the fixture stories: which stories each filter lets through, and what context adds. */
class ScopeQueriesTest {

  private final ScopeQueries scopes = new ScopeQueries();
  private final QueryBuilder queries = new QueryBuilder();
  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
  private IndexedStories shelf;

  @BeforeEach
  void index(@TempDir Path dir) throws Exception {
    shelf = IndexedStories.fixtures(dir);
  }

  @AfterEach
  void close() {
    shelf.close();
  }

  private static Scope scope(List<String> sources, List<String> channel, String headline, LocalDate after,
      LocalDate before) {
    return new Scope(sources, channel, headline, after, before, null);
  }

  /** The ids of the fixture stories that {@code test} accepts. */
  private Set<String> storiesWhere(Predicate<Story> test) {
    return shelf.stories().stream().filter(test).map(Story::id).collect(Collectors.toSet());
  }

  private Set<String> filtered(Scope scope) {
    return Set.copyOf(shelf.storyIds(scopes.filter(scope)));
  }

  private static Predicate<Story> from(String source) {
    return s -> source.equalsIgnoreCase(s.attribution().source());
  }

  private static Predicate<Story> published(Predicate<LocalDate> test) {
    return s -> s.attribution().published() != null && test.test(LocalDate.parse(s.attribution().published()));
  }

  @Test
  void theWholeShelfIsNotFilteredAndItsRankingIsLeftAlone() {
    assertEquals(shelf.paragraphs(), shelf.hits(scopes.filter(Scope.ALL)).size());
    Query ranking = queries.paragraphs(analyzer.analyze("And the hostages?"));
    assertSame(ranking, scopes.around(ranking, Scope.ALL));
  }

  @Test
  void sourcesMatchAnyOfThemWhateverTheirCase() {
    assertEquals(storiesWhere(from("CNN")), filtered(scope(List.of("cnn"), List.of(), null, null, null)));
    assertEquals(storiesWhere(from("CNN").or(from("Reuters"))),
        filtered(scope(List.of("CNN", "reuters"), List.of(), null, null, null)));
    assertEquals(Set.of(), filtered(scope(List.of("BBC"), List.of(), null, null, null)));
  }

  @Test
  void aChannelsSourcesAndTheQuestionsMustBothHold() {
    assertEquals(storiesWhere(from("Reuters")),
        filtered(scope(List.of("Reuters"), List.of("CNN", "Reuters"), null, null, null)));
    assertEquals(Set.of(), filtered(scope(List.of("CNN"), List.of("Reuters"), null, null, null)));
  }

  @Test
  void aHeadlineFilterNeedsEveryWordInAnyFormAndStopWordsAloneMatchNothing() {
    Predicate<Story> hostageTalks = s -> {
      String t = s.title().toLowerCase(Locale.ROOT);
      return t.contains("hostage") && t.contains("talk");
    };
    Set<String> talks = filtered(scope(List.of(), List.of(), "Hostage TALK", null, null));
    assertEquals(storiesWhere(hostageTalks), talks);
    assertEquals(1, talks.size(), "one headline holds both words: " + talks);
    assertTrue(filtered(scope(List.of(), List.of(), "hostages", null, null)).size() > 1);
    assertEquals(Set.of(), filtered(scope(List.of(), List.of(), "the of", null, null)));
  }

  @Test
  void datesAreExclusiveAndUndatedStoriesAreLeftOut() {
    LocalDate blinken = LocalDate.parse(shelf.stories().stream().filter(s -> s.id().equals("blinken-tel-aviv.md"))
        .findFirst().orElseThrow().attribution().published());
    LocalDate later = blinken.plusDays(10);
    assertEquals(storiesWhere(published(d -> d.isAfter(blinken))),
        filtered(scope(List.of(), List.of(), null, blinken, null)));
    assertEquals(storiesWhere(published(d -> d.isBefore(blinken))),
        filtered(scope(List.of(), List.of(), null, null, blinken)));
    assertEquals(storiesWhere(published(d -> d.isAfter(blinken.minusDays(1)) && d.isBefore(later))),
        filtered(scope(List.of(), List.of(), null, blinken.minusDays(1), later)));
    assertTrue(filtered(scope(List.of(), List.of(), null, blinken, null)).stream().noneMatch(id -> id.endsWith(".txt")),
        "the plain-text stories have no date");
  }

  @Test
  void filtersNarrowARankingWithoutReorderingWhatTheyLetThrough() {
    Query ranking = queries.paragraphs(analyzer.analyze("And the hostages?"));
    Scope cnn = scope(List.of("CNN"), List.of(), null, null, null);
    Set<String> cnnIds = storiesWhere(from("CNN"));
    List<String> expected = shelf.hits(ranking).stream()
        .filter(h -> cnnIds.contains(h.substring(0, h.indexOf(" ¶")))).toList();
    assertEquals(expected, shelf.hits(scopes.around(ranking, cnn)));
  }

  @Test
  void anEarlierQuestionFavoursItsStoryButFiltersNothing() {
    Query ranking = queries.paragraphs(analyzer.analyze("And the hostages?"));
    Scope afterBlinken = new Scope(List.of(), List.of(), null, null, null, "What did Blinken say in Tel Aviv?");
    List<String> plain = shelf.hits(ranking);
    List<String> followUp = shelf.hits(scopes.around(ranking, afterBlinken));
    assertNotEquals("blinken-tel-aviv.md", plain.get(0).substring(0, plain.get(0).indexOf(" ¶")), plain.toString());
    assertTrue(followUp.get(0).startsWith("blinken-tel-aviv.md ¶"), followUp.toString());
    assertEquals(Set.copyOf(plain), Set.copyOf(followUp), "the same paragraphs, in another order");
  }
}
