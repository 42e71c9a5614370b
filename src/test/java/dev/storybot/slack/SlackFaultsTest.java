package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.server.StorybotServer;
import dev.storybot.testing.LogCapture;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slack's Web API misbehaving: hanging, refusing the token, refusing the channel. Time-outs are retried a bounded
 * number of times, refusals never; the asker is told where Slack allows; the log says what to fix; and afterwards
 * /healthz is 200 and the next question is answered.
 */
class SlackFaultsTest {

  /** Short attempts so a hanging call times out in a test's time: 1 s each, 50 ms back-off, for 6 s. */
  private static final StorybotApp.Tuning QUICK = new StorybotApp.Tuning(1, 50, Duration.ofSeconds(30), 100,
      new DeliveryPolicy(1, Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(6),
          5, Duration.ofSeconds(1), Duration.ofSeconds(2)));
  private static final String ASKER = "U0000ASKER";

  @RegisterExtension final SlackBot bot = SlackBot.builder().tuning(QUICK).build();
  private LogCapture log;

  @BeforeEach
  void start() throws Exception {
    log = LogCapture.start();
  }

  @AfterEach
  void stop() throws Exception {
    log.close();
  }

  @Test
  void aHangingCallTimesOutIsRetriedAndTheAnswerStillArrives() throws Exception {
    SlackApiStub.Hold hold = bot.stub().hold("chat.postMessage");
    try {
      bot.mention("EvSlow1", "1700005000.000100", "How many cables did the engineers replace?");
      hold.awaitArrival();
      SlackApiStub.Call answer = bot.stub().awaitMatching("chat.postMessage",
          c -> c.params().get("text").contains("forty steel cables"), Duration.ofSeconds(10));
      assertEquals(SlackBot.CHANNEL, answer.params().get("channel"));
    } finally {
      hold.release();
    }
    assertTrue(log.lines().stream().anyMatch(l -> l.contains("Slack chat.postMessage failed") && l.matches("(?s).*(timeout|timed out).*")), log.text());
    assertStillHealthy();
  }

  @Test
  void channelGoneOrBotRemovedIsNotRetriedAndTheAskerGetsTheAnswerInADm() throws Exception {
    for (String error : List.of("channel_not_found", "not_in_channel")) {
      int before = bot.stub().calls("chat.postMessage").size();
      bot.stub().refuseNext("chat.postMessage", 1, error);
      bot.mention("Ev" + error, "1700005100.0001" + error.length(), "How many cables did the engineers replace?");

      SlackApiStub.Call dm = bot.stub().awaitMatching("chat.postMessage",
          c -> ASKER.equals(c.params().get("channel")) && c.params().get("text").contains(error), Duration.ofSeconds(10));
      assertTrue(dm.params().get("text").startsWith("I couldn't reply in <#" + SlackBot.CHANNEL + "> (" + error + ")"),
          dm.params().get("text"));
      assertTrue(dm.params().get("text").contains("forty steel cables"), "the answer itself comes along");
      assertEquals(before + 2, bot.stub().calls("chat.postMessage").size(), "one refused post, one DM: no retry");
    }
    assertTrue(log.text().contains("answered ok=false: not_in_channel (the bot is not a member of that channel: /invite it there)"),
        log.text());
    assertStillHealthy();
  }

  @Test
  void aRevokedTokenIsLoggedAsAnErrorSayingWhatToFixAndNotRetried() throws Exception {
    bot.stub().refuseNext("chat.postMessage", 1, "invalid_auth");
    bot.dm("EvAuth1", "1700005200.000100", "How many cables did the engineers replace?");
    bot.stub().await("chat.postMessage", 1, Duration.ofSeconds(10));
    assertStillHealthy();  // the next question is answered, so the first was not retried in between
    assertEquals(2, bot.stub().calls("chat.postMessage").size());
    assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("ERROR") && l.contains("invalid_auth")
        && l.contains("set SLACK_BOT_TOKEN")), log.text());
    assertTrue(!log.text().contains(SlackBot.TOKEN), "the token itself is never logged");
  }

  @Test
  void aResponseUrlIsTriedAtMostFiveTimesThenGivenUpAndCounted() throws Exception {
    bot.stub().failNext(SlackApiStub.RESPONSE_URL, 1, 429, Map.of("Retry-After", "0"));
    bot.stub().failNext(SlackApiStub.RESPONSE_URL, 5, 500, Map.of());
    bot.command("What did the repairs cost?", "flaky");
    // A 429 (turned away, spending no use), then 5 uses, all a response_url allows. Then given up; the bot carries on.
    bot.awaitMetrics(m -> m.sum("storybot_slack_api_gave_up_total") > 0, Duration.ofSeconds(10));
    assertStillHealthy();
    List<Integer> statuses = bot.stub().calls(SlackApiStub.RESPONSE_URL).stream().map(SlackApiStub.Call::status).toList();
    assertEquals(List.of(429, 500, 500, 500, 500, 500), statuses);
    assertEquals(1, bot.gaveUp());
    assertTrue(log.text().contains("Slack response_url failed after 5 uses, all a response_url allows; giving up"),
        log.text());
  }

  /** /healthz answers 200, and a new question in a DM is answered. */
  private void assertStillHealthy() throws Exception {
    assertEquals(200, bot.send(bot.request(StorybotServer.HEALTH_PATH).GET()).statusCode());
    String eventId = "EvHealthy" + System.nanoTime();
    bot.dm(eventId, "1700005900.000100", "When does the rooftop garden close?");
    bot.stub().awaitMatching("chat.postMessage", c -> SlackBot.DM.equals(c.params().get("channel"))
        && c.params().get("text").contains("sunset"), Duration.ofSeconds(10));
  }
}
