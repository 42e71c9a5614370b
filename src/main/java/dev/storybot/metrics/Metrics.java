package dev.storybot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Every metric storybot exports at /metrics, behind typed methods so that callers never spell a metric name.
 * One instance per running bot, created where the object graph is built and passed into constructors; there is no
 * global registry. A new instance holds storybot's own metrics only; {@link #bindJvm()} adds the JVM's. Tags are bounded sets (request kinds, Web API method names, outcomes): never user text or ids.
 */
public final class Metrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private volatile double lastSkipped;

  /** Storybot's own metrics only. */
  public Metrics() {
    Gauge.builder("storybot.index.reload.skipped.files", this, m -> m.lastSkipped)
        .description("Story files the last reload of STORIES_DIR could not read").register(registry);
  }

  /** Adds the JVM's memory, GC, thread, processor and uptime metrics; once per process is enough. */
  public Metrics bindJvm() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return this;
  }

  /** The registry, for tests and for binding more meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** One Slack request handled (acknowledged): {@code kind} such as slash_command, mention, dm, action. */
  public void request(String kind, String transport, int status, long nanos) {
    Timer.builder("storybot.slack.requests")
        .description("Slack requests acknowledged, by kind, transport (http, socket) and HTTP status; time to the ack")
        .tags("kind", kind, "transport", transport, "status", Integer.toString(status))
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  /** A request to /slack/events refused before Bolt saw it: {@code reason} such as bad_signature, stale_timestamp. */
  public void refused(String reason) {
    Counter.builder("storybot.slack.requests.refused")
        .description("Requests to /slack/events refused before they were handled, by reason")
        .tag("reason", reason).register(registry).increment();
  }

  /** One question answered by the answerer: {@code answered} false when the stories had no answer. */
  public void answer(boolean answered, long nanos) {
    answerTimer().record(Duration.ofNanos(nanos));
    answers(answered ? "answered" : "not_found").increment();
  }

  /** A question whose answering threw. */
  public void answerFailed() {
    answers("error").increment();
  }

  /** A question dropped because every worker was busy and the queue full. */
  public void dropped(String kind) {
    Counter.builder("storybot.questions.dropped").description("Questions dropped: all workers busy and the queue full")
        .tag("kind", kind).register(registry).increment();
  }

  /** A Web API or response_url call about to be retried after {@code reason} (http_429, http_5xx, io). */
  public void slackApiRetry(String method, String reason) {
    Counter.builder("storybot.slack.api.retries").description("Slack Web API calls retried, by method and reason")
        .tags("method", method, "reason", reason).register(registry).increment();
  }

  /** A Web API or response_url call that failed for good, or that Slack answered with ok=false. */
  public void slackApiError(String method, String reason) {
    Counter.builder("storybot.slack.api.errors")
        .description("Slack Web API calls that failed: gave_up after retries, http_4xx, or ok_false")
        .tags("method", method, "reason", reason).register(registry).increment();
  }

  /** Reports the index's size and commit generation, read whenever /metrics is scraped. */
  public void index(LongSupplier stories, LongSupplier paragraphs, LongSupplier generation) {
    Gauge.builder("storybot.index.stories", stories::getAsLong).description("Stories in the index").register(registry);
    Gauge.builder("storybot.index.paragraphs", paragraphs::getAsLong).description("Paragraphs (documents) in the index")
        .register(registry);
    Gauge.builder("storybot.index.generation", generation::getAsLong)
        .description("Lucene commit generation of the index searches see; grows with every reload").register(registry);
  }

  /** One reload of STORIES_DIR: {@code result} ok, partial (some files skipped) or failed (old index kept). */
  public void reload(String result, int skippedFiles, long nanos) {
    Timer.builder("storybot.index.reloads").description("Story folder reloads, by result (ok, partial, failed)")
        .tag("result", result).register(registry).record(Duration.ofNanos(nanos));
    lastSkipped = skippedFiles;
  }

  /** Everything, in Prometheus' text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  /** Unhooks the GC listeners. */
  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private Timer answerTimer() {
    return Timer.builder("storybot.answer")
        .description("Time to answer a question from the index (search, sentence picking), replies excluded")
        // Buckets, not client-side percentiles: Prometheus computes any quantile across instances with
        // histogram_quantile(0.99, rate(storybot_answer_seconds_bucket[5m])).
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  private Counter answers(String outcome) {
    return Counter.builder("storybot.answers").description("Questions answered, by outcome (answered, not_found, error)")
        .tag("outcome", outcome).register(registry);
  }
}
