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
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Every metric storybot exports at /metrics, behind typed methods so that callers never spell a metric name.
 * One instance per running bot, created where the object graph is built and passed into constructors; there is no
 * global registry. A new instance holds storybot's own metrics only; {@link #bindJvm()} adds the JVM's. Tags are
 * bounded sets (request kinds, Web API method names, outcomes): never user text or ids.
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

  /**
   * A question the bot had no room to answer: {@code reason} queue_full (no answering thread free soon), waited (it
   * waited too long), backlog_full (too many replies owed already); {@code told} how the asker heard of it: ack (in
   * the acknowledgement), notice (a "busy" reply), refused (not acknowledged: Slack delivers it again, or shows the
   * click failed).
   */
  public void questionRefused(String kind, String reason, String told) {
    Counter.builder("storybot.questions.refused")
        .description("Questions not answered for lack of room, by kind, reason and how the asker was told")
        .tags("kind", kind, "reason", reason, "told", told).register(registry).increment();
  }

  /** The reply to an acknowledged request ended ({@code outcome}: delivered, refused, gave_up), {@code nanos} after the ack. */
  public void replied(String kind, String outcome, long nanos) {
    Timer.builder("storybot.replies")
        .description("Replies to acknowledged requests, by kind and outcome (delivered, refused by Slack, gave_up);"
            + " time from the acknowledgement")
        .tags("kind", kind, "outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(30))
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  /** A Web API or response_url call about to be retried after {@code reason} (http_429, http_5xx, timeout, io…). */
  public void slackApiRetry(String method, String reason) {
    Counter.builder("storybot.slack.api.retries").description("Slack Web API calls retried, by method and reason")
        .tags("method", method, "reason", reason).register(registry).increment();
  }

  /** A reply given up for good: {@code reason} expired, uses (a response_url's 5), http_4xx, shutdown… */
  public void slackApiGaveUp(String method, String reason) {
    Counter.builder("storybot.slack.api.gave.up")
        .description("Replies given up, by method and reason: expired (30 minutes), uses (a response_url's 5),"
            + " http_4xx, shutdown")
        .tags("method", method, "reason", reason).register(registry).increment();
  }

  /** A Web API call that Slack refused with ok=false. */
  public void slackApiError(String method, String reason) {
    Counter.builder("storybot.slack.api.errors")
        .description("Slack Web API calls Slack refused (ok_false): never retried")
        .tags("method", method, "reason", reason).register(registry).increment();
  }

  /** A best-effort call (a reaction): {@code outcome} ok, failed (no retry) or skipped (under pressure). */
  public void slackBestEffort(String method, String outcome) {
    Counter.builder("storybot.slack.best.effort")
        .description("Best-effort Slack calls (the :eyes: reaction): ok, failed (never retried), skipped under pressure")
        .tags("method", method, "outcome", outcome).register(registry).increment();
  }

  /**
   * Reports the work in progress, read whenever /metrics is scraped: questions acknowledged and not yet replied to
   * (and the oldest one's age), questions waiting for an answering thread, replies waiting to be sent (and the oldest
   * one's age) and calls on the wire.
   */
  public void backlog(IntSupplier pending, DoubleSupplier pendingOldestSeconds, IntSupplier waiting,
      IntSupplier deliveries, DoubleSupplier deliveriesOldestSeconds, IntSupplier inFlight) {
    Gauge.builder("storybot.questions.pending", pending::getAsInt)
        .description("Questions acknowledged and not yet replied to").register(registry);
    Gauge.builder("storybot.questions.pending.oldest.seconds", pendingOldestSeconds::getAsDouble)
        .description("Age of the oldest question not yet replied to").register(registry);
    Gauge.builder("storybot.questions.waiting", waiting::getAsInt)
        .description("Questions waiting for an answering thread").register(registry);
    Gauge.builder("storybot.deliveries.backlog", deliveries::getAsInt)
        .description("Replies waiting to be sent to Slack: their turn, or a retry").register(registry);
    Gauge.builder("storybot.deliveries.backlog.oldest.seconds", deliveriesOldestSeconds::getAsDouble)
        .description("Time since the question of the oldest undelivered reply was acknowledged").register(registry);
    Gauge.builder("storybot.deliveries.in.flight", inFlight::getAsInt)
        .description("Calls to Slack on the wire now").register(registry);
  }

  /** A connection the server closed: {@code reason} per_address (too many from one address) or slow_request. */
  public void connectionClosed(String reason) {
    Counter.builder("storybot.http.connections.closed")
        .description("Connections closed by the server: per_address (over the limit from one address), slow_request"
            + " (a request trickling in, or not answered, within the bound)")
        .tag("reason", reason).register(registry).increment();
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
