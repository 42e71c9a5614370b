package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.config.RateLimits;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.LuceneShelf;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.GatedShelf;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.QuestionLoad;
import dev.storybot.testing.Scrape;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import dev.storybot.testing.SlackClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Far more questions than the bot can answer, through real Jetty with signed requests: every question it
 * acknowledges ends in exactly one reply — its answer, or a "busy, ask again" notice where the answer would have
 * gone — `/story` over capacity is told so in its acknowledgement, and an event the bot has no room for at all is
 * refused with 503 and answered when Slack delivers it again.
 */
class OverloadTest {

  private static final String QUESTION = "How many cables did the engineers replace?";
  private static final String ANSWER = "forty steel cables";
  private static final RateLimits UNLIMITED = new RateLimits(1_000_000, 1_000_000);

  @TempDir Path dir;

  @Test
  void farAboveCapacityEveryAcknowledgedQuestionGetsExactlyOneAnswerOrBusyNotice() throws Exception {
    // One answering thread, held at the gate by the first question; 4 may wait, none longer than 250 ms.
    GatedShelf shelf = new GatedShelf(new LuceneShelf(StoryIndex.inMemory(Fixtures.stories(dir))));
    DeliveryPolicy four = new DeliveryPolicy(4, Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(2),
        Duration.ofMinutes(1), 5, Duration.ofSeconds(2), Duration.ofSeconds(5));
    StorybotApp.Tuning small = new StorybotApp.Tuning(1, 4, Duration.ofMillis(250), 30, four);
    try (SlackBot bot = SlackBot.builder().shelf(shelf).tuning(small).rateLimits(UNLIMITED).start();
         QuestionLoad burst = new QuestionLoad(bot, QUESTION, "burst")) {
      // 300 questions at 500 a second, half mentions, half /story, while the one thread is stuck.
      List<QuestionLoad.Asked> asked = burst.run(300, Duration.ofMillis(2), i -> { });
      shelf.awaitHeld();
      shelf.open();
      awaitDrained(bot);

      List<SlackApiStub.Call> calls = bot.stub().calls();
      int answered = 0;
      int told = 0;
      int refused = 0;
      for (QuestionLoad.Asked a : asked) {
        List<String> replies = QuestionLoad.replies(a, calls);
        if (a.status() == 503) {  // not acknowledged: no promise made, none kept
          assertTrue(a.mention(), "only events are refused: " + a);
          assertEquals(List.of(), replies, a.toString());
          refused++;
        } else if (a.ackText().equals(Questions.BUSY)) {  // `/story` told in its acknowledgement
          assertEquals(List.of(), replies, a.toString());
          told++;
        } else {
          assertEquals(200, a.status(), a.toString());
          assertEquals(1, replies.size(), a + " got " + replies);
          if (replies.get(0).equals(Questions.BUSY)) told++;
          else {
            assertTrue(replies.get(0).contains(ANSWER), replies.get(0));
            answered++;
          }
        }
      }
      assertEquals(asked.size(), answered + told + refused);
      assertTrue(answered >= 1, "the question at the gate is answered");
      assertTrue(told + refused >= asked.size() - 5, "at most 5 could be taken on: " + answered);
      Scrape m = new Scrape(bot.metrics().scrape());
      assertEquals(told + refused, m.sum("storybot_questions_refused_total"), m.text());
      assertEquals(0, m.sum("storybot_slack_api_gave_up_total"));

      // Drained, it answers again.
      for (int i = 0; i < 3; i++) {
        String ts = "1700400000.00010" + i;
        assertEquals(200, bot.mention("EvAfter" + i, ts, QUESTION).statusCode());
        assertTrue(bot.stub().awaitMatching("chat.postMessage", c -> ts.equals(c.params().get("thread_ts")),
            Duration.ofSeconds(10)).params().get("text").contains(ANSWER));
        assertEquals("", bot.command(QUESTION, "after" + i).body());
        assertTrue(bot.reply("after" + i).path("text").asText().contains(ANSWER));
      }
    }
  }

  @Test
  void whenNoReplyCanBeOwedMoreAnEventIsRefusedAndItsRedeliveryAnswered() throws Exception {
    // Room for two questions owed a reply; Slack hangs, so their replies cannot go out and the room stays taken.
    DeliveryPolicy quick = new DeliveryPolicy(2, Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMillis(300),
        Duration.ofMinutes(1), 5, Duration.ofMillis(300), Duration.ofSeconds(2));
    try (SlackBot bot = SlackBot.builder().tuning(new StorybotApp.Tuning(1, 10, Duration.ofSeconds(30), 2, quick))
        .rateLimits(UNLIMITED).start()) {
      bot.stub().outage(SlackApiStub.Outage.HANG);
      assertEquals(200, bot.mention("EvFullA", "1700300000.000100", QUESTION).statusCode());
      assertEquals(200, bot.mention("EvFullB", "1700300000.000200", QUESTION).statusCode());

      String body = Payloads.render("event_app_mention.json", Map.of("EVENT_ID", "EvFullC", "TS", "1700300000.000300",
          "CHANNEL", SlackClient.CHANNEL, "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> " + QUESTION));
      HttpResponse<String> refused = bot.post(body, "application/json", SlackClient.now(), Map.of());
      assertEquals(503, refused.statusCode(), refused.body());
      assertEquals(Refusals.RETRY_AFTER_SECONDS, refused.headers().firstValue("Retry-After").orElse(""));
      HttpResponse<String> command = bot.command(QUESTION, "full");
      assertEquals(Questions.BUSY, new ObjectMapper().readTree(command.body()).path("text").asText());

      bot.stub().outage(SlackApiStub.Outage.NONE);
      awaitDrained(bot);
      // Slack delivers the refused event again, signed anew (a later timestamp), marked as a retry.
      HttpResponse<String> again = bot.post(body, "application/json", SlackClient.now() + 1,
          Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"));
      assertEquals(200, again.statusCode());
      awaitDrained(bot);

      List<SlackApiStub.Call> calls = bot.stub().calls();
      for (String ts : List.of("1700300000.000100", "1700300000.000200", "1700300000.000300")) {
        QuestionLoad.Asked a = new QuestionLoad.Asked(0, true, "", ts, 200, "");
        List<String> replies = QuestionLoad.replies(a, calls);
        assertEquals(1, replies.size(), ts + " got " + replies);
        assertTrue(replies.get(0).contains(ANSWER), replies.get(0));
      }
      assertEquals(List.of(), QuestionLoad.replies(new QuestionLoad.Asked(1, false, "full", "", 200, ""), calls));
      Scrape m = new Scrape(bot.metrics().scrape());
      assertEquals(1, m.sum("storybot_questions_refused_total", "kind", "app_mention", "reason", "backlog_full",
          "told", "refused"), m.text());
      assertEquals(1, m.sum("storybot_questions_refused_total", "kind", "/story", "reason", "backlog_full", "told", "ack"));
    }
  }

  // Every question taken on has finished: none pending, no reply waiting or on the wire.
  private static void awaitDrained(SlackBot bot) throws Exception {
    bot.awaitMetrics(m -> m.sum("storybot_questions_pending") == 0 && m.sum("storybot_deliveries_backlog") == 0
        && m.sum("storybot_deliveries_in_flight") == 0, Duration.ofSeconds(60));
  }
}
