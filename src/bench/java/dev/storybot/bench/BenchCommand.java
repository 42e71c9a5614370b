package dev.storybot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.storybot.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `storybot bench`: measures indexing, answering against raw Lucene, cold start, HTTP and memory per corpus size. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Benchmarks storybot on generated corpora (kept in --work and reused): indexing, answer latency"
        + " against raw Lucene BM25 on the same index, cold start, signed /story commands against `serve`, and memory.",
    subcommands = {BenchCorpusCommand.class, LoadCommand.class})
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--sizes", split = ",", defaultValue = "10000,100000", paramLabel = "N,N",
      description = "Corpus sizes in paragraphs (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--work", defaultValue = "bench-work", paramLabel = "DIR",
      description = "Folder for corpora and indexes (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus and question seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--questions", defaultValue = "500", description = "Distinct questions per size (default: ${DEFAULT-VALUE}).")
  int questions;

  @Option(names = "--warmup", defaultValue = "1000", description = "Unmeasured questions per path (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--queries", defaultValue = "3000", description = "Measured questions per path (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--top", defaultValue = "3", description = "Excerpts per answer (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--cold-starts", defaultValue = "5", description = "Cold starts per size, 0 for none (default: ${DEFAULT-VALUE}).")
  int coldStarts;

  @Option(names = "--no-http", description = "Skip serving each index in a child JVM under signed /story commands.")
  boolean noHttp;

  @Option(names = "--serve-heap", defaultValue = "256m", description = "-Xmx of the served JVM (default: ${DEFAULT-VALUE}).")
  String serveHeap;

  @Option(names = "--serve-jvm-arg", paramLabel = "ARG",
      description = {"A further option for the served JVM (repeatable), e.g.:",
          "-XX:StartFlightRecording=filename=serve.jfr"})
  List<String> serveJvmArgs = List.of();

  @Option(names = "--http-clients", defaultValue = "32", description = "Concurrent /story clients (default: ${DEFAULT-VALUE}).")
  int httpClients;

  @Option(names = "--http-requests", defaultValue = "5000", description = "Measured /story commands (default: ${DEFAULT-VALUE}).")
  int httpRequests;

  @Option(names = "--http-warmup", defaultValue = "1000", description = "Unmeasured /story commands first (default: ${DEFAULT-VALUE}).")
  int httpWarmup;

  @Option(names = "--http-seconds", defaultValue = "60", description = "Time cap of the measured commands (default: ${DEFAULT-VALUE}).")
  int httpSeconds;

  @Option(names = "--solr", paramLabel = "URL", description = "Also index each corpus into this SolrCloud (node URLs,"
      + " comma-separated; an alias storybot_bench_SIZE) and time answers from it beside the embedded index.")
  String solr;

  @Option(names = "--semantic", defaultValue = "on", paramLabel = "on|off", description =
      "on: index the sentences' vectors too (kept in WORK/vectors, so a re-run embeds only new text) and answer by"
      + " meaning as well as words, as storybot does by default; off: words alone (default: ${DEFAULT-VALUE}).")
  String semantic;

  @Option(names = "--json", description = "Print the report as JSON instead of a table.")
  boolean json;

  @Option(names = "--json-out", paramLabel = "FILE", description = "Also write the report as JSON to this file.")
  Path jsonOut;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BenchSettings settings;
    try {
      settings = new BenchSettings(sizes, seed, work, questions, warmup, queries, top, coldStarts, !noHttp, serveHeap,
          serveJvmArgs, httpClients, httpRequests, httpWarmup, Duration.ofSeconds(httpSeconds), solr, semanticOn());
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
    if (settings.http() && !spec.root().subcommands().containsKey("serve")) {
      throw new ExitCodes.UserException("this build has no `serve` command to load: run with --no-http");
    }
    BenchReport report = new BenchRunner(settings, spec.commandLine().getErr()).run();
    PrintWriter out = spec.commandLine().getOut();
    if (jsonOut != null) Files.writeString(jsonOut, json().writeValueAsString(report) + "\n");
    if (json) {
      out.println(json().writeValueAsString(report));
    } else {
      ReportTable.lines(report).forEach(out::println);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private boolean semanticOn() {
    try {
      return dev.storybot.config.Config.onOff("--semantic", semantic);
    } catch (dev.storybot.config.ConfigException e) {
      throw new dev.storybot.cli.ExitCodes.UserException(e.getMessage());
    }
  }

  private static ObjectMapper json() {
    SimpleModule asText = new SimpleModule()
        .addSerializer(Path.class, ToStringSerializer.instance)
        .addSerializer(Duration.class, ToStringSerializer.instance);
    return new ObjectMapper().registerModule(asText).enable(SerializationFeature.INDENT_OUTPUT);
  }
}
