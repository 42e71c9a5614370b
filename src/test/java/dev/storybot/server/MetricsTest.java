package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.testing.Scrape;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /metrics counts what the bot did, in Prometheus' format, and holds nothing a user or Slack sent. */
class MetricsTest {

  private static final String ANSWERED = "How many cables did the engineers replace?";
  private static final String UNANSWERED = "What is the airspeed velocity of an unladen swallow?";

  @Test
  void requestsAnswersAndSlackRetriesAreCountedByKind() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      bot.stub().failNext("chat.postMessage", 1, 503, Map.of());
      assertEquals(200, bot.mention("EvM1", "1700000001.000100", ANSWERED).statusCode());
      assertEquals(200, bot.dm("EvM2", "1700000002.000100", ANSWERED).statusCode());
      bot.stub().await("chat.postMessage", 2, Duration.ofSeconds(10));
      assertEquals(200, bot.command(UNANSWERED, "m3").statusCode());
      bot.stub().awaitOne(SlackApiStub.RESPONSE_URL);
      assertEquals(200, bot.share(ANSWERED, "U0000SHARER", "m4").statusCode());
      bot.stub().await(SlackApiStub.RESPONSE_URL, 2, Duration.ofSeconds(10));

      HttpResponse<String> r = bot.send(bot.request(StorybotServer.METRICS_PATH).GET());
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
      Scrape m = new Scrape(r.body());

      for (String kind : new String[] {"mention", "dm", "slash_command", "action"}) {
        assertEquals(1, m.sum("storybot_slack_requests_seconds_count", "kind", kind, "transport", "http",
            "status", "200"), kind + " in\n" + r.body());
      }
      assertEquals(3, m.sum("storybot_answers_total", "outcome", "answered"));
      assertEquals(1, m.sum("storybot_answers_total", "outcome", "not_found"));
      assertEquals(4, m.sum("storybot_answer_seconds_count"));
      assertTrue(m.samples("storybot_answer_seconds_bucket").size() > 5, "a latency histogram with buckets");
      assertEquals(1, m.sum("storybot_slack_api_retries_total", "method", "chat.postMessage", "reason", "http_5xx"));
      assertEquals(0, m.sum("storybot_slack_api_errors_total"), "the retry succeeded");

      for (String secret : new String[] {SlackBot.SECRET, SlackBot.TOKEN, "cables", "swallow", "U0000SHARER",
          SlackBot.CHANNEL}) {
        assertFalse(r.body().contains(secret), "metrics hold no " + secret);
      }
    }
  }

  @Test
  void repliesThatFailForGoodAreGivenUpAndCounted() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      bot.stub().failNext(SlackApiStub.RESPONSE_URL, 1, 404, Map.of());
      assertEquals(200, bot.command(ANSWERED, "gone").statusCode());
      // The 404 is recorded by the stub before the bot counts it: wait for the reply's end to be counted.
      Scrape m = bot.awaitMetrics(s -> s.sum("storybot_replies_seconds_count") > 0, Duration.ofSeconds(10));
      assertEquals(1, m.sum("storybot_slack_api_gave_up_total", "method", "response_url", "reason", "http_4xx"));
      assertEquals(1, m.sum("storybot_replies_seconds_count", "kind", "/story", "outcome", "gave_up"));
    }
  }
}
