package dev.storybot.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.testing.Scrape;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each typed method of {@link Metrics} as Prometheus scrapes it: names, labels, counts and seconds. */
class MetricsTest {

  private final Metrics metrics = new Metrics();

  @AfterEach
  void close() {
    metrics.close();
  }

  private Scrape scrape() {
    return new Scrape(metrics.scrape());
  }

  private static long millis(long ms) {
    return TimeUnit.MILLISECONDS.toNanos(ms);
  }

  @Test
  void aNewInstanceHoldsStorybotsOwnMetricsOnlyAndBindingAddsTheJvms() {
    Scrape fresh = scrape();
    assertTrue(fresh.has("storybot_index_reload_skipped_files"), fresh.text());
    assertTrue(fresh.samples().stream().allMatch(s -> s.name().startsWith("storybot_")), fresh.text());

    metrics.bindJvm();
    Scrape bound = scrape();
    for (String name : List.of("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
        "jvm_threads_live_threads", "system_cpu_count", "process_uptime_seconds")) {
      assertTrue(bound.has(name), name + " in\n" + bound.text());
    }
  }

  @Test
  void requestsAreTimedByKindTransportAndStatus() {
    metrics.request("mention", "http", 200, millis(4));
    metrics.request("mention", "http", 200, millis(6));
    metrics.request("slash_command", "socket", 200, millis(1));
    metrics.request("mention", "http", 401, millis(1));
    Scrape m = scrape();
    String name = "storybot_slack_requests_seconds";
    assertEquals(2, m.sum(name + "_count", "kind", "mention", "transport", "http", "status", "200"));
    assertEquals(0.010, m.sum(name + "_sum", "kind", "mention", "transport", "http", "status", "200"), 1e-9);
    assertEquals(1, m.sum(name + "_count", "kind", "slash_command", "transport", "socket"));
    assertEquals(1, m.sum(name + "_count", "status", "401"));
    assertEquals(4, m.sum(name + "_count"));
  }

  @Test
  void answersAreCountedByOutcomeAndTimedInAHistogram() {
    metrics.answer(true, millis(2));
    metrics.answer(true, millis(30));
    metrics.answer(false, millis(3));
    metrics.answerFailed();
    Scrape m = scrape();
    assertEquals(2, m.sum("storybot_answers_total", "outcome", "answered"));
    assertEquals(1, m.sum("storybot_answers_total", "outcome", "not_found"));
    assertEquals(1, m.sum("storybot_answers_total", "outcome", "error"));
    assertEquals(3, m.sum("storybot_answer_seconds_count"), "a failure is counted, not timed");
    assertEquals(0.035, m.sum("storybot_answer_seconds_sum"), 1e-9);

    List<Scrape.Sample> buckets = m.samples("storybot_answer_seconds_bucket");
    assertTrue(buckets.size() > 5, "buckets for histogram_quantile: " + buckets);
    assertEquals(3, m.sum("storybot_answer_seconds_bucket", "le", "+Inf"));
    double under10ms = buckets.stream().filter(b -> !b.labels().get("le").equals("+Inf"))
        .filter(b -> Double.parseDouble(b.labels().get("le")) <= 0.01)
        .mapToDouble(Scrape.Sample::value).max().orElse(-1);
    assertEquals(2, under10ms, "the 2 ms and 3 ms answers, not the 30 ms one: " + buckets);
  }

  @Test
  void refusedQuestionsRepliesRetriesAndGiveUpsAreCountedByTheirLabels() {
    metrics.questionRefused("app_mention", "queue_full", "notice");
    metrics.questionRefused("app_mention", "queue_full", "notice");
    metrics.questionRefused("/story", "backlog_full", "ack");
    metrics.replied("/story", "delivered", millis(40));
    metrics.slackApiRetry("chat.postMessage", "http_429");
    metrics.slackApiGaveUp("response_url", "uses");
    metrics.slackApiError("chat.postMessage", "ok_false");
    metrics.slackBestEffort("reactions.add", "skipped");
    Scrape m = scrape();
    assertEquals(2, m.sum("storybot_questions_refused_total", "kind", "app_mention", "reason", "queue_full", "told", "notice"));
    assertEquals(3, m.sum("storybot_questions_refused_total"));
    assertEquals(1, m.sum("storybot_replies_seconds_count", "kind", "/story", "outcome", "delivered"));
    assertEquals(1, m.sum("storybot_slack_api_retries_total", "method", "chat.postMessage", "reason", "http_429"));
    assertEquals(1, m.sum("storybot_slack_api_gave_up_total", "method", "response_url", "reason", "uses"));
    assertEquals(1, m.sum("storybot_slack_api_errors_total", "method", "chat.postMessage", "reason", "ok_false"));
    assertEquals(1, m.sum("storybot_slack_best_effort_total", "method", "reactions.add", "outcome", "skipped"));
  }

  @Test
  void backlogGaugesAreReadAtEachScrape() {
    AtomicLong pending = new AtomicLong(3);
    metrics.backlog(() -> (int) pending.get(), () -> 12.5, () -> 2, () -> 4, () -> 7.0, () -> 1);
    assertEquals(3, scrape().sum("storybot_questions_pending"));
    pending.set(0);
    Scrape m = scrape();
    assertEquals(0, m.sum("storybot_questions_pending"));
    assertEquals(12.5, m.sum("storybot_questions_pending_oldest_seconds"));
    assertEquals(2, m.sum("storybot_questions_waiting"));
    assertEquals(4, m.sum("storybot_deliveries_backlog"));
    assertEquals(7.0, m.sum("storybot_deliveries_backlog_oldest_seconds"));
    assertEquals(1, m.sum("storybot_deliveries_in_flight"));
  }

  @Test
  void indexGaugesAreReadAtEachScrape() {
    AtomicLong stories = new AtomicLong(10);
    AtomicLong generation = new AtomicLong(1);
    metrics.index(stories::get, () -> 24, generation::get);
    assertEquals(10, scrape().sum("storybot_index_stories"));
    stories.set(11);
    generation.set(2);
    Scrape m = scrape();
    assertEquals(11, m.sum("storybot_index_stories"));
    assertEquals(24, m.sum("storybot_index_paragraphs"));
    assertEquals(2, m.sum("storybot_index_generation"));
  }

  @Test
  void reloadsAreTimedByResultAndTheSkippedGaugeShowsTheLatest() {
    metrics.reload("partial", 2, millis(40));
    assertEquals(2, scrape().sum("storybot_index_reload_skipped_files"));
    metrics.reload("ok", 0, millis(20));
    Scrape m = scrape();
    assertEquals(0, m.sum("storybot_index_reload_skipped_files"));
    assertEquals(1, m.sum("storybot_index_reloads_seconds_count", "result", "partial"));
    assertEquals(1, m.sum("storybot_index_reloads_seconds_count", "result", "ok"));
    assertFalse(m.has("storybot_index_stories"), "no index gauges until the index is reported");
  }
}
