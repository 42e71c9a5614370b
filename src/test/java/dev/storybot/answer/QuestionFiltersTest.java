package dev.storybot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.search.Scope;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters written inside a question: taken out of the words searched, turned into a scope, errors explained. */
class QuestionFiltersTest {

  @Test
  void everyFilterIsTakenOutAndKept() {
    QuestionFilters.Filtered f = QuestionFilters.parse(
        "What did SOURCE:cnn say in:\"hostage talks\" after:2023-11-01 before:2023-12-01 about source:\u201cHarbour Gazette\u201d?");
    assertEquals("What did say about ?", f.question());
    Scope s = f.scope();
    assertEquals(List.of("cnn", "Harbour Gazette"), s.sources());
    assertEquals("hostage talks", s.headline());
    assertEquals(LocalDate.of(2023, 11, 1), s.after());
    assertEquals(LocalDate.of(2023, 12, 1), s.before());
    assertEquals("stories from cnn or Harbour Gazette with \u201chostage talks\u201d in the headline after 2023-11-01 before 2023-12-01",
        s.describe());
  }

  @Test
  void wordsThatOnlyLookLikeFiltersStay() {
    QuestionFilters.Filtered f = QuestionFilters.parse("what happened at 10:30 in Gaza? see https://x.org/a");
    assertEquals("what happened at 10:30 in Gaza? see https://x.org/a", f.question());
    assertTrue(f.scope().isAll());
    assertNull(f.scope().headline());
  }

  @Test
  void anUnquotedSourceBeforeACapitalisedWordOffersTheQuotedForm() {
    QuestionFilters.Filtered f = QuestionFilters.parse("in:bridge source:Riverton Ledger what about it?");
    assertEquals("source:\"Riverton Ledger\"", f.longerSource().quoted());
    assertEquals(List.of("Riverton"), f.scope().sources(), "never applied: the next word may be part of the question");
    assertEquals(List.of("Riverton Ledger"), f.scopeWithLongerSource().sources());
    assertEquals("bridge", f.scopeWithLongerSource().headline(), "the other filters kept");
    assertNull(QuestionFilters.parse("source:\"Riverton Ledger\" what about it?").longerSource(), "already quoted");
    assertNull(QuestionFilters.parse("source:CNN what about it?").longerSource(), "followed by a lower-case word");
  }

  @Test
  void badValuesSayWhatToWrite() {
    assertEquals("after: needs a date written year-month-day, e.g. after:2023-11-01 (got \"yesterday\")",
        assertThrows(QuestionFilters.BadFilter.class, () -> QuestionFilters.parse("after:yesterday x")).getMessage());
    assertTrue(assertThrows(QuestionFilters.BadFilter.class, () -> QuestionFilters.parse("in:\"\" x")).getMessage()
        .startsWith("in: needs a value"));
    assertTrue(assertThrows(QuestionFilters.BadFilter.class,
        () -> QuestionFilters.parse("after:2023-12-01 before:2023-11-01 x")).getMessage().startsWith("no day is after 2023-12-01"));
  }
}
