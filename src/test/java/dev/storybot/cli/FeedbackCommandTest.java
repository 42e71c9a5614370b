package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.eval.EvalQuestion;
import dev.storybot.eval.EvalQuestions;
import dev.storybot.feedback.Feedback;
import dev.storybot.feedback.FeedbackLog;
import dev.storybot.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `storybot feedback`: counts, the most downvoted questions, and 👍 answers written as questions eval runs. */
class FeedbackCommandTest {

  private static final String CABLES = "Engineers replaced forty steel cables during the six-month closure";

  @TempDir Path temp;

  @Test
  void summarisesTheLogAndWritesEvalQuestionsThatEvalAnswers() throws Exception {
    Path stories = temp.resolve("stories");
    int paragraph = Fixtures.paragraphNumber(Fixtures.named(Fixtures.stories(stories), "harbour-bridge.md"), CABLES);
    Path dir = temp.resolve("feedback");
    FeedbackLog log = new FeedbackLog(dir);
    List<Feedback.Shown> cables = List.of(new Feedback.Shown("harbour-bridge.md", paragraph, CABLES));
    log.append(click("up", "source:\"Harbour Gazette\" How many cables did engineers replace?", null, cables));
    log.append(click("down", "who runs the ferry?", null, List.of()));
    log.append(click("down", "Who runs the ferry? ", null, List.of()));
    log.append(click("down", "what did the mayor say?", null, List.of()));
    log.append(click("up", "and the cost?", "what did the mayor say?", cables));  // a follow-up: not a standalone question

    Path questions = temp.resolve("from-feedback.jsonl");
    Run run = Run.of("feedback", "--dir", dir.toString(), "--questions-out", questions.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = List.of(run.outLines());
    assertEquals("5 clicks: 2 👍, 3 👎", lines.get(0));
    assertEquals("Most downvoted questions:", lines.get(1));
    assertEquals("  2 👎 0 👍  who runs the ferry?", lines.get(2));
    assertEquals("  1 👎 0 👍  what did the mayor say?", lines.get(3));
    assertEquals("Wrote 1 eval question to " + questions, lines.get(4));

    List<EvalQuestion> read = EvalQuestions.read(questions);
    assertEquals(List.of(new EvalQuestion("harbour-bridge.md", paragraph - 1, "How many cables did engineers replace?",
        List.of(CABLES), false)), read);
    Run eval = Run.of("eval", "--stories", stories.toString(),
        "--questions", questions.toString(), "--json");
    assertEquals(0, eval.exitCode(), eval.err());
    assertEquals(1.0, new ObjectMapper().readTree(eval.out()).path("quote_hit@1").asDouble(), eval.out());
  }

  @Test
  void missingFolderSaysWhichOptionToPass() {
    Run run = Run.of("feedback", "--dir", temp.resolve("nope").toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("no feedback folder") && run.err().contains("--dir"), run.err());
  }

  private static Feedback click(String verdict, String question, String context, List<Feedback.Shown> shown) {
    return new Feedback("2026-11-27T09:00:00Z", verdict, question, context, 0, "U1", "C1", shown);
  }
}
