package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.config.RateLimits;
import dev.storybot.server.StorybotServer;
import dev.storybot.testing.QuestionLoad;
import dev.storybot.testing.Scrape;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackApiStub.Outage;
import dev.storybot.testing.SlackBot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Slack's Web API failing under steady load — HTTP 500s, then calls that hang, then 429s with Retry-After — and
 * then healthy again, through real Jetty with signed requests: every question acknowledged is answered exactly
 * once, soon after Slack recovers; the answering threads keep answering while Slack hangs; `/story` says in its
 * acknowledgement that Slack is in trouble; /healthz says "degraded" (still 200), then "ok"; /metrics counts the
 * retries by method and reason, and nothing is given up.
 */
class SlackOutageTest {

  private static final String QUESTION = "How many cables did the engineers replace?";
  private static final String ANSWER = "forty steel cables";
  /** 10 questions a second: 1 s healthy, 2 s each of errors, hangs and rate limits, then 2 s healthy. */
  private static final int QUESTIONS = 90;
  private static final Map<Integer, Outage> PHASES = Map.of(10, Outage.ERRORS, 30, Outage.HANG,
      50, Outage.RATE_LIMITED, 70, Outage.NONE);
  /** Attempts of 300 ms, back-off from 100 ms to 1 s, replies for 1 minute; 2 answering threads. */
  private static final StorybotApp.Tuning TUNING = new StorybotApp.Tuning(2, 50, Duration.ofSeconds(30), 1_000,
      new DeliveryPolicy(8, Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1),
          5, Duration.ofMillis(300), Duration.ofSeconds(2)));
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyQuestionAcknowledgedDuringAnOutageIsAnsweredOnceWhenSlackIsBack() throws Exception {
    Map<String, Object> seen = new ConcurrentHashMap<>();
    try (SlackBot bot = SlackBot.builder().tuning(TUNING).rateLimits(new RateLimits(1_000_000, 1_000_000)).start();
         QuestionLoad load = new QuestionLoad(bot, QUESTION, "outage")) {
      List<QuestionLoad.Asked> asked = load.run(QUESTIONS, Duration.ofMillis(100), i -> {
        if (i == 25) seen.put("health", get(bot, StorybotServer.HEALTH_PATH));  // 1.5 s into the errors
        if (i == 30 || i == 50) seen.put("answers at " + i, answers(bot));  // the hang's start and end
        if (PHASES.containsKey(i)) bot.stub().outage(PHASES.get(i));
      });
      bot.awaitMetrics(m -> m.sum("storybot_questions_pending") == 0 && m.sum("storybot_deliveries_backlog") == 0
          && m.sum("storybot_deliveries_in_flight") == 0, Duration.ofMinutes(2));

      List<SlackApiStub.Call> calls = bot.stub().calls();
      int troubleAcks = 0;
      for (QuestionLoad.Asked a : asked) {
        assertEquals(200, a.status(), a.toString());
        List<String> replies = QuestionLoad.replies(a, calls);
        assertEquals(1, replies.size(), a + " got " + replies);
        assertTrue(replies.get(0).contains(ANSWER), a + ": " + replies.get(0));
        if (!a.mention()) {
          assertTrue(a.ackText().isEmpty() || a.ackText().equals(Questions.SLACK_TROUBLE), a.toString());
          if (!a.ackText().isEmpty()) troubleAcks++;
        }
      }
      assertTrue(troubleAcks > 0, "`/story` said Slack was in trouble while it was");

      @SuppressWarnings("unchecked")
      HttpResponse<String> during = (HttpResponse<String>) seen.get("health");
      assertEquals(200, during.statusCode());
      JsonNode health = JSON.readTree(during.body());
      assertEquals("degraded", health.path("status").asText(), during.body());
      assertEquals("degraded", health.path("slack").path("status").asText(), during.body());
      assertEquals("ok", JSON.readTree(get(bot, StorybotServer.HEALTH_PATH).body()).path("status").asText());

      // While Slack hung, questions kept being answered: the 20 asked during the hang, bar those in progress.
      double duringHang = (double) seen.get("answers at 50") - (double) seen.get("answers at 30");
      assertTrue(duringHang >= 15, "answered while Slack hung: " + duringHang);

      Scrape m = new Scrape(bot.metrics().scrape());
      for (String reason : List.of("http_5xx", "timeout", "http_429")) {
        assertTrue(m.sum("storybot_slack_api_retries_total", "reason", reason) > 0, reason + " retried:\n" + m.text());
      }
      assertEquals(0, m.sum("storybot_slack_api_gave_up_total"), m.text());
      assertEquals(0, m.sum("storybot_questions_refused_total"), m.text());
      assertEquals(QUESTIONS, m.sum("storybot_replies_seconds_count", "outcome", "delivered"));
    }
  }

  private static HttpResponse<String> get(SlackBot bot, String path) {
    try {
      return bot.get(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double answers(SlackBot bot) {
    return new Scrape(bot.metrics().scrape()).sum("storybot_answers_total");
  }
}
