package dev.storybot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The bench report as a plain-text table: one row per figure, one column per corpus size. */
public final class ReportTable {

  private static final String NONE = "—";

  private ReportTable() {}

  /** The table's lines, a heading line about the machine first. */
  public static List<String> lines(BenchReport report) {
    BenchReport.Machine m = report.machine();
    List<String> out = new ArrayList<>();
    out.add(f("storybot bench: %d cores, %.1f GB RAM, %s, -Xmx %.0f MB; load average %.1f → %.1f", m.cores(),
        m.memoryBytes() / 1e9, m.java(), m.maxHeapBytes() / 1e6, m.loadBefore(), m.loadAfter()));
    List<Row> rows = rows(report.settings());
    int labelWidth = rows.stream().mapToInt(r -> r.label().length()).max().orElse(10);
    List<BenchReport.SizeResult> sizes = report.sizes();
    List<List<String>> cells = new ArrayList<>();
    int width = 10;
    for (BenchReport.SizeResult s : sizes) {
      List<String> column = new ArrayList<>();
      for (Row r : rows) column.add(r.value().apply(s));
      cells.add(column);
      width = Math.max(width, column.stream().mapToInt(String::length).max().orElse(0));
    }
    StringBuilder head = new StringBuilder(pad("paragraphs", labelWidth));
    for (BenchReport.SizeResult s : sizes) head.append("  ").append(left(f("%,d", s.paragraphs()), width));
    out.add(head.toString());
    for (int i = 0; i < rows.size(); i++) {
      StringBuilder line = new StringBuilder(pad(rows.get(i).label(), labelWidth));
      for (List<String> column : cells) line.append("  ").append(left(column.get(i), width));
      out.add(line.toString().stripTrailing());
    }
    return out;
  }

  private record Row(String label, Function<BenchReport.SizeResult, String> value) {}

  private static List<Row> rows(BenchSettings s) {
    return List.of(
        new Row("corpus stories / text MB", r -> f("%,d / %.1f", r.corpus().stories(), r.corpus().textBytes() / 1e6)),
        new Row("indexing paragraphs/s", r -> f("%,.0f", r.indexing().paragraphsPerSecond())),
        new Row("indexing MB/s of text", r -> f("%.2f", r.indexing().mbPerSecond())),
        new Row("indexing s (reading files s)", r -> f("%.1f (%.1f)", r.indexing().seconds(), r.indexing().readSeconds())),
        new Row("indexing CPU s (paragraphs/CPU s)", r -> f("%.1f (%,.0f)", r.indexing().cpuSeconds(),
            r.indexing().paragraphs() / Math.max(1e-9, r.indexing().cpuSeconds()))),
        new Row("embedded texts (kept) / texts per s", r -> r.indexing().embedded() + r.indexing().reused() == 0 ? NONE
            : f("%,d (%,d) / %.0f", r.indexing().embedded(), r.indexing().reused(), r.indexing().embeddedPerSecond())),
        new Row("index size on disk MB", r -> f("%.1f", r.indexing().indexBytes() / 1e6)),
        new Row("indexing peak heap MB", r -> f("%.0f", r.indexing().peakHeapBytes() / 1e6)),
        new Row("questions / answered", r -> f("%d / %.0f%%", r.answers().questions(), 100 * r.answers().answeredShare())),
        new Row("full path p50/p95/p99 ms", r -> latency(r.answers().fullPath())),
        new Row("raw BM25 top-10 p50/p95/p99 ms", r -> latency(r.answers().rawLucene())),
        new Row("full/raw ratio p50 (p99)", r -> f("%.1f× (%.1f×)", r.answers().ratio().p50(), r.answers().ratio().p99())),
        new Row("full path CPU p50/p95/p99 ms", r -> latency(r.answers().fullPathCpu())),
        new Row("raw BM25 CPU p50/p95/p99 ms", r -> latency(r.answers().rawLuceneCpu())),
        new Row("CPU ratio p50 (p99)", r -> {
          Latency.Ratio cpu = r.answers().fullPathCpu().over(r.answers().rawLuceneCpu());
          return f("%.1f× (%.1f×)", cpu.p50(), cpu.p99());
        }),
        new Row("Solr: indexing s (paragraphs/s)", r -> r.solr() == null ? NONE
            : f("%.1f (%,.0f)", r.solr().indexSeconds(), r.solr().paragraphs() / r.solr().indexSeconds())),
        new Row("Solr: same answers as embedded", r -> r.solr() == null ? NONE
            : f("%d / %d", r.solr().sameAnswers(), r.solr().questions())),
        new Row("Solr full path p50/p95/p99 ms", r -> r.solr() == null ? NONE : latency(r.solr().solr())),
        new Row("embedded full path, same run, ms", r -> r.solr() == null ? NONE : latency(r.solr().embedded())),
        new Row("Solr/embedded ratio p50 (p99)", r -> r.solr() == null ? NONE
            : f("%.1f× (%.1f×)", r.solr().ratio().p50(), r.solr().ratio().p99())),
        new Row("cold start to answer p50 (min) ms", r -> r.coldStart() == null ? NONE
            : f("%.0f (%.0f)", r.coldStart().firstAnswer().p50(), r.coldStart().firstAnswer().min())),
        new Row(f("HTTP /story, %d clients: sent", s.httpClients()), r -> r.http() == null ? NONE : f("%,d", r.http().requests())),
        new Row("HTTP answered req/s", r -> r.http() == null ? NONE : f("%,.0f", r.http().requestsPerSecond())),
        new Row("HTTP ack p50/p99 ms", r -> r.http() == null ? NONE : f("%.1f / %.1f", r.http().ack().p50(), r.http().ack().p99())),
        new Row("HTTP answer p50/p99 ms", r -> r.http() == null ? NONE
            : f("%.1f / %.1f", r.http().answer().p50(), r.http().answer().p99())),
        new Row("HTTP errors", r -> r.http() == null ? NONE : Integer.toString(r.http().errors())),
        new Row(f("served with -Xmx%s: answers all", s.serveHeap()), r -> r.served() == null ? NONE
            : r.served().passed() ? "pass" : "FAIL"),
        new Row("served: start to healthy s", r -> r.served() == null ? NONE : f("%.1f", r.served().startSeconds())),
        new Row("served: CPU ms per command", r -> r.served() == null ? NONE : f("%.2f", r.served().cpuMsPerCommand())),
        new Row("served: peak RSS MB (with mapped index)", r -> r.served() == null || r.served().peakRssBytes() < 0 ? NONE
            : f("%.0f", r.served().peakRssBytes() / 1e6)));
  }

  private static String latency(Latency l) {
    return f("%.2f / %.2f / %.2f", l.p50(), l.p95(), l.p99());
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static String left(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }
}
