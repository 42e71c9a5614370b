package dev.storybot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalQuestionsTest {

  @Test
  void readsTheReadmeFormatSkippingBlankLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("q.jsonl");
    Files.copy(EvalQuestionsTest.class.getResourceAsStream("/eval/questions.jsonl"), file);

    List<EvalQuestion> questions = EvalQuestions.read(file);

    assertEquals(4, questions.size());
    EvalQuestion first = questions.get(0);
    assertEquals("harbour", first.story());
    assertEquals(0, first.paragraph());
    assertEquals(List.of("1887", "in 1887"), first.answers());
    assertTrue(questions.get(3).impossible());
  }

  @Test
  void badLineIsNamedWithWhatToWrite(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("q.jsonl");
    Files.writeString(file, "{\"story\": \"a\", \"question\": \"q?\", \"answers\": [\"x\"]}\n{\"story\": \"a\"}\n");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvalQuestions.read(file));

    assertTrue(e.getMessage().startsWith("q.jsonl line 2: "), e.getMessage());
    assertTrue(e.getMessage().contains("question"), e.getMessage());
  }

  @Test
  void answerableQuestionWithoutAnswersIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EvalQuestions.parse("{\"story\": \"a\", \"question\": \"q?\"}", "f line 1"));
    assertTrue(e.getMessage().contains("without \"answers\""), e.getMessage());
  }

  @Test
  void emptyFileIsAnError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
    assertThrows(IllegalArgumentException.class, () -> EvalQuestions.read(file));
  }
}
