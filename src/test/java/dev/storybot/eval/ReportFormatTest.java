package dev.storybot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  private static final EvalReport REPORT = new EvalReport(10, 8, 6, 7, 1, 120.5, 2, 1, 0, 0, 0.5);

  @Test
  void jsonUsesTheReadmeNamesAndNullForUndefinedShares() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ReportFormat.json(REPORT));

    assertEquals(8, json.get("answerable").asInt());
    assertEquals(0.75, json.get("quote_hit@1").asDouble());
    assertEquals(0.875, json.get("quote_hit@3").asDouble());
    assertEquals(0.125, json.get("false_abstain").asDouble());
    assertEquals(120.5, json.get("median_quote_chars").asDouble());
    assertEquals(0.5, json.get("abstained").asDouble());
    assertTrue(json.get("declined_off_corpus").isNull());
    assertEquals(20.0, json.get("questions_per_second").asDouble());
  }

  @Test
  void tableShowsSharesWithTheirCounts() {
    String table = ReportFormat.table(REPORT);
    assertTrue(table.lines().anyMatch(l -> l.matches("quote_hit@1\\s+0\\.750 \\(6/8\\)")), table);
    assertTrue(table.lines().anyMatch(l -> l.matches("declined_off_corpus\\s+-")), table);
  }

  @Test
  void offCorpusJsonHasOneEntryPerDirectionAndTheCombinedFigures() throws Exception {
    OffCorpusReport r = new OffCorpusReport(
        List.of(new OffCorpusReport.Direction("a", REPORT, List.of()),
            new OffCorpusReport.Direction("b", REPORT, List.of())), REPORT);

    JsonNode json = new ObjectMapper().readTree(ReportFormat.json(r));
    String table = ReportFormat.table(r);

    assertEquals("off-corpus", json.get("mode").asText());
    assertEquals("b", json.get("directions").get(1).get("indexed").asText());
    assertEquals(0.75, json.get("directions").get(0).get("quote_hit@1").asDouble());
    assertEquals(0.125, json.get("combined").get("false_abstain").asDouble());
    assertTrue(table.lines().findFirst().orElseThrow().matches("indexed →\\s+a\\s+b\\s+combined"), table);
  }
}
