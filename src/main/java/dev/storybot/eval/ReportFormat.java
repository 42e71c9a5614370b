package dev.storybot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Renders evaluation figures as a table for people or as one JSON object for tools (names as in the README). */
public final class ReportFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportFormat() {}

  /** One JSON object with the README's figure names; undefined shares are null. */
  public static String json(EvalReport r) {
    return JSON.valueToTree(fields(r)).toString();
  }

  /** One JSON object: {"mode": "off-corpus", "directions": [{"indexed": id, figures…}], "combined": {figures…}}. */
  public static String json(OffCorpusReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("mode", "off-corpus");
    var directions = root.putArray("directions");
    for (OffCorpusReport.Direction d : r.directions()) {
      ObjectNode node = directions.addObject();
      node.put("indexed", d.indexed());
      node.setAll((ObjectNode) JSON.valueToTree(fields(d.report())));
    }
    root.set("combined", JSON.valueToTree(fields(r.combined())));
    return root.toString();
  }

  /** A two-column table: figure, value (with the counts behind each share). */
  public static String table(EvalReport r) {
    return table(List.of("figure", "value"), List.of(r));
  }

  /** One column per direction (the indexed story), then the combined figures. */
  public static String table(OffCorpusReport r) {
    List<String> header = new ArrayList<>(List.of("indexed →"));
    List<EvalReport> reports = new ArrayList<>();
    for (OffCorpusReport.Direction d : r.directions()) {
      header.add(d.indexed());
      reports.add(d.report());
    }
    header.add("combined");
    reports.add(r.combined());
    return table(header, reports);
  }

  private static Map<String, Object> fields(EvalReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("questions", r.questions());
    m.put("answerable", r.answerable());
    m.put("quote_hit@1", num(r.quoteHitAt1()));
    m.put("quote_hit@3", num(r.quoteHitAt3()));
    m.put("false_abstain", num(r.falseAbstain()));
    m.put("median_quote_chars", num(r.medianQuoteChars()));
    m.put("excerpts_per_answer", num(r.excerptsPerAnswer()));
    m.put("excerpts_holding_answer", num(r.excerptsHoldingAnswer()));
    m.put("unanswerable", r.unanswerable());
    m.put("abstained", num(r.abstained()));
    m.put("off_corpus", r.offCorpus());
    m.put("declined_off_corpus", num(r.declinedOffCorpusShare()));
    m.put("questions_per_second", num(r.questionsPerSecond()));
    return m;
  }

  private static Double num(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
  }

  private record Row(String name, Function<EvalReport, String> value) {}

  private static final List<Row> ROWS = List.of(
      new Row("questions", r -> String.valueOf(r.questions())),
      new Row("answerable", r -> String.valueOf(r.answerable())),
      new Row("quote_hit@1", r -> share(r.quoteHitAt1(), r.hitsAt1(), r.answerable())),
      new Row("quote_hit@3", r -> share(r.quoteHitAt3(), r.hitsAt3(), r.answerable())),
      new Row("false_abstain", r -> share(r.falseAbstain(), r.falseAbstains(), r.answerable())),
      new Row("median_quote_chars", r -> Double.isNaN(r.medianQuoteChars()) ? "-"
          : String.format(Locale.ROOT, "%.0f", r.medianQuoteChars())),
      new Row("excerpts_per_answer", r -> Double.isNaN(r.excerptsPerAnswer()) ? "-"
          : String.format(Locale.ROOT, "%.2f", r.excerptsPerAnswer())),
      new Row("excerpts_holding_answer", r -> share(r.excerptsHoldingAnswer(), r.shownHolding(), r.shownExcerpts())),
      new Row("unanswerable", r -> String.valueOf(r.unanswerable())),
      new Row("abstained", r -> share(r.abstained(), r.abstainedUnanswerable(), r.unanswerable())),
      new Row("off_corpus", r -> String.valueOf(r.offCorpus())),
      new Row("declined_off_corpus", r -> share(r.declinedOffCorpusShare(), r.declinedOffCorpus(), r.offCorpus())),
      new Row("questions/second", r -> String.format(Locale.ROOT, "%.1f", r.questionsPerSecond())));

  private static String share(double share, int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%d/%d)", share, part, whole);
  }

  private static String table(List<String> header, List<EvalReport> reports) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (Row row : ROWS) {
      List<String> cells = new ArrayList<>(List.of(row.name()));
      for (EvalReport r : reports) cells.add(row.value().apply(r));
      rows.add(cells);
    }
    int[] widths = new int[header.size()];
    for (List<String> cells : rows) {
      for (int i = 0; i < cells.size(); i++) widths[i] = Math.max(widths[i], cells.get(i).length());
    }
    StringBuilder out = new StringBuilder();
    for (List<String> cells : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        line.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", cells.get(i)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
