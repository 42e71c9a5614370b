package dev.storybot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalReportTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(30, EvalReport.median(new int[] {50, 10, 30}));
    assertEquals(25, EvalReport.median(new int[] {40, 10, 30, 20}));
    assertTrue(Double.isNaN(EvalReport.median(new int[0])));
  }

  @Test
  void countsEachKindOfQuestionSeparately() {
    EvalQuestion answerable = new EvalQuestion("a", 0, "q?", List.of("x"), false);
    EvalQuestion impossible = new EvalQuestion("a", 0, "q?", List.of(), true);
    EvalQuestion elsewhere = new EvalQuestion("b", 0, "q?", List.of("x"), false);
    List<EvalOutcome> outcomes = List.of(
        new EvalOutcome(answerable, true, true, 1, "x".repeat(10), 0.9),
        new EvalOutcome(answerable, true, true, 3, "y".repeat(30), 0.5),
        new EvalOutcome(answerable, true, true, 0, "z".repeat(20), 0.5),
        new EvalOutcome(answerable, true, false, 0, null, 0.1),
        new EvalOutcome(impossible, true, false, 0, null, 0.1),
        new EvalOutcome(impossible, true, true, 0, "w", 0.6),
        new EvalOutcome(elsewhere, false, false, 0, null, 0.0));

    EvalReport r = EvalReport.of(outcomes, 2.0);

    assertEquals(7, r.questions());
    assertEquals(4, r.answerable());
    assertEquals(0.25, r.quoteHitAt1());
    assertEquals(0.5, r.quoteHitAt3());
    assertEquals(0.25, r.falseAbstain());
    assertEquals(20, r.medianQuoteChars(), "median over the answered answerable questions' first quotes");
    assertEquals(2, r.unanswerable());
    assertEquals(0.5, r.abstained());
    assertEquals(1, r.offCorpus());
    assertEquals(1.0, r.declinedOffCorpusShare());
    assertEquals(3.5, r.questionsPerSecond());
  }

  @Test
  void sharesOfNothingAreUndefinedNotZero() {
    EvalReport r = EvalReport.of(List.of(), 0);
    assertTrue(Double.isNaN(r.quoteHitAt1()));
    assertTrue(Double.isNaN(r.abstained()));
    assertTrue(Double.isNaN(r.medianQuoteChars()));
  }
}
