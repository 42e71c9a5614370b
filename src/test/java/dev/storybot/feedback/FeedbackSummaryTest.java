package dev.storybot.feedback;

import static dev.storybot.feedback.FeedbackLogTest.click;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storybot.eval.EvalQuestion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the clicks add up to: counts, the most downvoted questions, and eval questions from 👍 answers. */
class FeedbackSummaryTest {

  private static final Feedback.Shown CABLES = new Feedback.Shown("harbour-bridge.md", 2, "forty steel cables");
  private static final Feedback.Shown COST = new Feedback.Shown("harbour-bridge.md", 3, "12 million euros");

  @Test
  void countsVerdictsAndRanksDownvotedQuestionsAsFirstTyped() {
    List<Feedback> clicks = List.of(
        click(Feedback.DOWN, "who runs the ferry?", null),
        click(Feedback.UP, "what did the mayor say?", null),
        click(Feedback.DOWN, "what did the mayor say?", null),
        click(Feedback.DOWN, "  Who runs   the FERRY? ", null),
        click(Feedback.UP, "how many cables?", null),
        click(Feedback.DOWN, "when does the library close?", null));
    FeedbackSummary s = FeedbackSummary.of(clicks, 10);
    assertEquals(2, s.up());
    assertEquals(4, s.down());
    assertEquals(List.of(new FeedbackSummary.Votes("who runs the ferry?", 0, 2),
        new FeedbackSummary.Votes("what did the mayor say?", 1, 1),
        new FeedbackSummary.Votes("when does the library close?", 0, 1)), s.mostDownvoted(),
        "case and spacing do not make another question; ties keep the order first asked");
    assertEquals(1, FeedbackSummary.of(clicks, 1).mostDownvoted().size());
    assertEquals(new FeedbackSummary(0, 0, List.of()), FeedbackSummary.of(List.of(), 5));
  }

  @Test
  void upvotedAnswersBecomeEvalQuestionsWithoutTheirFilters() {
    List<Feedback> clicks = List.of(
        click(Feedback.UP, "source:\"Harbour Gazette\" How many cables?", null, CABLES, COST),
        click(Feedback.UP, "how many cables?", null, COST),
        click(Feedback.UP, "What did the repairs cost?", null, COST));
    assertEquals(List.of(
            new EvalQuestion("harbour-bridge.md", 1, "How many cables?", List.of("forty steel cables", "12 million euros"),
                false),
            new EvalQuestion("harbour-bridge.md", 2, "What did the repairs cost?", List.of("12 million euros"), false)),
        FeedbackSummary.evalQuestions(clicks),
        "the first excerpt's ¶ (from 0) and quote; a repeat adds its quote to the answers");
  }

  @Test
  void clicksThatCannotMakeAStandaloneQuestionAreLeftOut() {
    List<Feedback> clicks = List.of(
        click(Feedback.DOWN, "how many cables?", null, CABLES),
        click(Feedback.UP, "and the cost?", "how many cables?", COST),
        click(Feedback.UP, "how many cables?", null),
        click(Feedback.UP, "how many cables?", null, new Feedback.Shown("harbour-bridge.md", 2, " ")),
        click(Feedback.UP, "after:someday how many cables?", null, CABLES),
        click(Feedback.UP, "source:CNN", null, CABLES));
    assertEquals(List.of(), FeedbackSummary.evalQuestions(clicks),
        "a 👎, a follow-up, nothing shown, no quote, a refused filter, filters without a question");
  }
}
