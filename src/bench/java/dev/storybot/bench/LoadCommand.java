package dev.storybot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.storybot.cli.ExitCodes;
import dev.storybot.index.StoryIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `storybot bench load`: `serve` in a child JVM under an open-loop mix of signed mentions and `/story` commands at
 * each rate given, with Slack's stub healthy or failing (500s, hangs, then 429s, each a fifth of the window);
 * reports answered/s, told-busy/s and silent (which must be 0) per rate.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Serves a generated corpus in a child JVM and offers it an open-loop mix of signed @mentions and"
        + " /story commands at each rate; reports answered/s, told-busy/s, refused, silent (must be 0) and duplicates.")
final class LoadCommand implements Callable<Integer> {

  @Option(names = "--paragraphs", defaultValue = "10000", description = "Corpus size (default: ${DEFAULT-VALUE}).")
  int paragraphs;

  @Option(names = "--work", defaultValue = "bench-work", paramLabel = "DIR", description = "Folder for the corpus and indexes.")
  Path work;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus and question seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rates", split = ",", defaultValue = "50,100,200,400", paramLabel = "R,R",
      description = "Questions offered a second, one run each (default: ${DEFAULT-VALUE}).")
  List<Double> rates;

  @Option(names = "--seconds", defaultValue = "20", description = "Length of each run (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--mentions", defaultValue = "50", paramLabel = "PERCENT",
      description = "Share of @mentions; the rest are /story (default: ${DEFAULT-VALUE}).")
  int mentions;

  @Option(names = "--slack", defaultValue = "healthy", paramLabel = "healthy|failing",
      description = "Slack's stub answering well, or failing for the middle three fifths of each run (default: ${DEFAULT-VALUE}).")
  String slack;

  @Option(names = "--slack-latency", defaultValue = "100", paramLabel = "MS",
      description = "How long the stub takes to answer each call, as Slack's Web API does (default: ${DEFAULT-VALUE}).")
  long slackLatency;

  @Option(names = "--drain", defaultValue = "180", description = "Seconds to wait for replies after a run (default: ${DEFAULT-VALUE}).")
  int drain;

  @Option(names = "--warmup", defaultValue = "10", description = "Unmeasured seconds first, at up to 50/s (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--serve-jar", paramLabel = "JAR", description = "Serve another build (e.g. before a change) instead of this one.")
  Path serveJar;

  @Option(names = "--serve-heap", defaultValue = "256m", description = "-Xmx of the served JVM (default: ${DEFAULT-VALUE}).")
  String serveHeap;

  @Option(names = "--max-outstanding", defaultValue = "48",
      description = "Acknowledgements awaited at once, at most; more are counted unsent (default: ${DEFAULT-VALUE}).")
  int maxOutstanding;

  @Option(names = "--json", description = "Print the results as JSON instead of a table.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!slack.equals("healthy") && !slack.equals("failing")) {
      throw new ExitCodes.UserException("--slack must be healthy or failing, was " + slack);
    }
    if (slackLatency < 0 || mentions < 0 || mentions > 100 || seconds < 1 || rates.stream().anyMatch(r -> r <= 0)) {
      throw new ExitCodes.UserException("--mentions must be 0..100, --seconds and --rates positive, --slack-latency not negative");
    }
    if (serveJar != null && !Files.isRegularFile(serveJar)) throw new ExitCodes.UserException("no jar " + serveJar);
    PrintWriter err = spec.commandLine().getErr();
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    LoadSetup setup = LoadSetup.prepare(work, paragraphs, seed, serveJar, err);
    List<String> questions;
    try (StoryIndex index = StoryIndex.open(setup.questionIndex())) {
      questions = QuestionSampler.sample(index, 500, seed);
    }
    List<LoadResult> results = new ArrayList<>();
    for (double rate : rates) results.add(run(setup, questions, rate, err));
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    print(results, loadBefore, loadAfter);
    return ExitCodes.OK;
  }

  // A fresh stub and serve per rate: one rate's backlog never spills into the next.
  private LoadResult run(LoadSetup setup, List<String> questions, double rate, PrintWriter err)
      throws IOException, InterruptedException {
    err.println(String.format(Locale.ROOT, "bench load: %s/s for %d s, Slack %s", fmt(rate), seconds, slack));
    err.flush();
    try (LoadStub stub = LoadStub.start(slackLatency);
         ServeProcess serve = ServeProcess.start(setup.classPath(), setup.serveIndex(), serveHeap, List.of(),
             stub.apiUrl(), work, false)) {  // by words alone: this bench measures the Slack path, not meaning
      MixedLoad load = new MixedLoad(serve.port, stub, questions, mentions / 100.0, maxOutstanding, "r" + fmt(rate) + "-");
      if (warmup > 0) load.run(Math.min(rate, 50), Duration.ofSeconds(warmup), Duration.ofSeconds(60), f -> { });
      long cpu = serve.cpuNanos();
      LoadResult r = load.run(rate, Duration.ofSeconds(seconds), Duration.ofSeconds(drain), f -> outage(stub, f));
      int sent = r.offered() - r.unsent();
      return r.withServeCpu(sent == 0 ? 0 : (serve.cpuNanos() - cpu) / 1e6 / sent);
    }
  }

  // Failing: errors, hangs and rate limits for a fifth of the window each, from the first fifth's end.
  private void outage(LoadStub stub, double fraction) {
    if (!slack.equals("failing")) return;
    LoadStub.Outage o = fraction < 0.2 ? LoadStub.Outage.NONE : fraction < 0.4 ? LoadStub.Outage.ERRORS
        : fraction < 0.6 ? LoadStub.Outage.HANG : fraction < 0.8 ? LoadStub.Outage.RATE_LIMITED : LoadStub.Outage.NONE;
    stub.outage(o);
  }

  private void print(List<LoadResult> results, double loadBefore, double loadAfter) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("paragraphs", paragraphs);
      report.put("mentionsPercent", mentions);
      report.put("slack", slack);
      report.put("slackLatencyMillis", slackLatency);
      report.put("serve", serveJar == null ? "this build" : serveJar.toString());
      report.put("loadAverage", List.of(loadBefore, loadAfter));
      report.put("runs", results);
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    } else {
      out.println(String.format(Locale.ROOT, "storybot bench load: %,d paragraphs, %d%% mentions, Slack %s (%d ms a call),"
          + " serving %s; %d cores, load average %.1f -> %.1f", paragraphs, mentions, slack, slackLatency,
          serveJar == null ? "this build" : serveJar, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
      out.println(String.format(Locale.ROOT, "%8s %10s %8s %8s %8s %7s %6s %5s %6s %15s %17s %8s", "offered/s",
          "answered/s", "busy/s", "refused", "silent", "dupes", "errors", "unsent", "", "ack p50/p99 ms",
          "reply p50/p99 ms", "CPU ms/q"));
      for (LoadResult r : results) {
        out.println(String.format(Locale.ROOT, "%9s %10.1f %8.1f %8d %8d %7d %6d %5d %6s %15s %17s %8.2f", fmt(r.rate()),
            r.answeredPerSecond(), r.busyPerSecond(), r.refused(), r.silent(), r.duplicates(), r.errors(), r.unsent(),
            "", pair(r.ack()), pair(r.reply()), r.serveCpuMsPerQuestion()));
      }
    }
    out.flush();
  }

  private static String pair(Latency l) {
    return l == null ? "-" : String.format(Locale.ROOT, "%.0f / %.0f", l.p50(), l.p99());
  }

  private static String fmt(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
