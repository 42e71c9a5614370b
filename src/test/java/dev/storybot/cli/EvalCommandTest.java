package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path temp;
  private Path stories;
  private Path questions;

  @BeforeEach
  void copyFixtures() throws IOException {
    stories = Files.createDirectories(temp.resolve("stories"));
    for (String name : List.of("harbour.txt", "orchard.txt")) copy("/eval/stories/" + name, stories.resolve(name));
    questions = copy("/eval/questions.jsonl", temp.resolve("questions.jsonl"));
  }

  private static Path copy(String resource, Path to) throws IOException {
    try (InputStream in = EvalCommandTest.class.getResourceAsStream(resource)) {
      Files.copy(in, to);
    }
    return to;
  }

  @Test
  void jsonFiguresOfOneRunOverTheFolder() throws IOException {
    Run run = Run.of("eval", "--stories", stories.toString(), "--questions", questions.toString(), "--json");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(1, run.outLines().length, run.out());
    JsonNode figures = json.readTree(run.out());
    assertEquals(4, figures.get("questions").asInt());
    assertEquals(3, figures.get("answerable").asInt());
    assertEquals(1, figures.get("unanswerable").asInt());
    assertEquals(0, figures.get("off_corpus").asInt());
    assertEquals(1.0, figures.get("quote_hit@1").asDouble(), "each answer is in one plain sentence");
    assertEquals(0.0, figures.get("false_abstain").asDouble());
    assertTrue(figures.get("median_quote_chars").asDouble() > 10);
    assertTrue(figures.get("questions_per_second").asDouble() > 0);
  }

  @Test
  void tableByDefaultAndDetailsPerQuestion() throws IOException {
    Path details = temp.resolve("details.jsonl");
    Run run = Run.of("eval", "--stories", stories.toString(), "--questions", questions.toString(),
        "--details", details.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("quote_hit@1\\s+1\\.000 \\(3/3\\)")), run.out());
    List<String> lines = Files.readAllLines(details);
    assertEquals(4, lines.size());
    JsonNode first = json.readTree(lines.get(0));
    assertEquals("When was the harbour of Kelby built?", first.get("question").asText());
    assertEquals(1, first.get("hitRank").asInt());
    assertTrue(first.get("quote").asText().contains("1887"));
  }

  @Test
  void offCorpusIndexesEachStoryAloneAndDeclinesTheOthersQuestions() throws IOException {
    Run run = Run.of("eval", "--stories", stories.toString(), "--questions", questions.toString(),
        "--off-corpus", "--json");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    JsonNode report = json.readTree(run.out());
    assertEquals("off-corpus", report.get("mode").asText());
    JsonNode directions = report.get("directions");
    assertEquals(2, directions.size());
    assertEquals("harbour", directions.get(0).get("indexed").asText().replace(".txt", ""));
    assertEquals(2, directions.get(0).get("off_corpus").asInt(), "the orchard's two questions");
    assertEquals(2, directions.get(0).get("answerable").asInt());
    JsonNode combined = report.get("combined");
    assertEquals(4, combined.get("off_corpus").asInt());
    assertEquals(1.0, combined.get("declined_off_corpus").asDouble());
    assertEquals(0.0, combined.get("false_abstain").asDouble());
  }

  @Test
  void unusableInputIsAUserErrorThatSaysWhatToDo() throws IOException {
    Run missing = Run.of("eval", "--stories", stories.toString(), "--questions", temp.resolve("nope.jsonl").toString());
    assertEquals(ExitCodes.USER_ERROR, missing.exitCode());
    assertTrue(missing.err().contains("give --questions a .jsonl file"), missing.err());

    Path bad = Files.writeString(temp.resolve("bad.jsonl"), "{\"story\": \"harbour\", \"question\": \"q?\"\n");
    Run malformed = Run.of("eval", "--stories", stories.toString(), "--questions", bad.toString());
    assertEquals(ExitCodes.USER_ERROR, malformed.exitCode());
    assertTrue(malformed.err().contains("bad.jsonl line 1"), malformed.err());

    Run both = Run.of("eval", "--stories", stories.toString(), "--questions", questions.toString(),
        "--off-corpus", "--index", temp.toString());
    assertEquals(ExitCodes.USER_ERROR, both.exitCode());
    assertTrue(both.err().contains("drop --index"), both.err());
  }
}
