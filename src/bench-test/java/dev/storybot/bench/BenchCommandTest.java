package dev.storybot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.cli.ExitCodes;
import dev.storybot.cli.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tiny real run of `storybot bench`: every figure is in the report. No timing is asserted. */
class BenchCommandTest {

  @TempDir Path temp;

  @Test
  void aTinyRunReportsEveryFigure() throws Exception {
    Run run = Run.of("bench", "--sizes", "2000", "--work", temp.toString(), "--questions", "10", "--warmup", "10",
        "--queries", "20", "--cold-starts", "1", "--http-clients", "4", "--http-warmup", "10", "--http-requests", "30",
        "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode size = new ObjectMapper().readTree(run.out()).path("sizes").get(0);
    assertEquals(2000, size.path("paragraphs").asInt());
    assertEquals(2000, size.path("corpus").path("paragraphs").asInt());

    JsonNode indexing = size.path("indexing");
    assertEquals(2000, indexing.path("paragraphs").asInt());
    positive(indexing, "seconds", "paragraphsPerSecond", "mbPerSecond", "indexBytes", "peakHeapBytes", "cpuSeconds");

    JsonNode answers = size.path("answers");
    assertEquals(10, answers.path("questions").asInt());
    assertTrue(answers.path("answeredShare").asDouble() > 0.5, "questions built from the corpus find answers");
    for (String path : List.of("fullPath", "rawLucene", "fullPathCpu", "rawLuceneCpu")) {
      assertEquals(20, answers.path(path).path("count").asInt(), path);
      positive(answers.path(path), "p50", "p95", "p99");
    }
    positive(answers.path("ratio"), "p50", "p99");
    positive(size.path("coldStart").path("firstAnswer"), "p50");

    JsonNode http = size.path("http");
    assertEquals(4, http.path("clients").asInt());
    assertEquals(30, http.path("requests").asInt(), "a fixed count, well within the time cap");
    assertEquals(0, http.path("errors").asInt(), "every signed command is acked and answered");
    positive(http, "seconds", "requestsPerSecond");
    positive(http.path("ack"), "p50", "p99");
    positive(http.path("answer"), "p50", "p99");
    JsonNode served = size.path("served");
    assertTrue(served.path("passed").asBoolean(), served.toString());
    assertEquals("256m", served.path("heap").asText());
    positive(served, "startSeconds", "cpuMsPerCommand");
  }

  @Test
  void withoutHttpThoseFiguresAreLeftOut() throws Exception {
    Run run = Run.of("bench", "--sizes", "300", "--work", temp.toString(), "--questions", "5", "--warmup", "0",
        "--queries", "5", "--cold-starts", "0", "--no-http", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode size = new ObjectMapper().readTree(run.out()).path("sizes").get(0);
    assertTrue(size.path("http").isNull() && size.path("served").isNull() && size.path("coldStart").isNull(), run.out());
  }

  @Test
  void theTableHasARowPerFigureAndAColumnPerSize() {
    Run run = Run.of("bench", "--sizes", "300,600", "--work", temp.toString(), "--questions", "5", "--warmup", "0",
        "--queries", "5", "--cold-starts", "0", "--no-http");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.outLines();
    assertTrue(lines[0].startsWith("storybot bench: "), lines[0]);
    assertTrue(lines[1].matches("paragraphs\\s+300\\s+600"), lines[1]);
    assertTrue(run.out().contains("full/raw ratio p50 (p99)"), run.out());
  }

  @Test
  void storybotFindsBenchThroughItsServiceEntry() {
    Run help = Run.of("--help");
    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().matches("(?s).*\\n\\s+bench\\s+Benchmarks storybot.*"), help.out());
    Run benchHelp = Run.of("bench", "corpus", "--help");
    assertTrue(benchHelp.out().startsWith("Usage: storybot bench corpus "), benchHelp.out());
  }

  @Test
  void badSizesAreAUserError() {
    Run run = Run.of("bench", "--sizes", "5", "--work", temp.toString(), "--no-http");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("sizes must be in 100.."), run.err());
  }

  private static void positive(JsonNode node, String... fields) {
    for (String f : fields) assertTrue(node.path(f).asDouble() > 0, f + " in " + node);
  }
}
