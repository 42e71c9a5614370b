package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storybot.testing.Payloads;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the bot must not answer. The test bot has one worker, so replies leave in the order questions arrived:
 * once a later "sentinel" question is answered, any reply to the ignored ones would already have been posted.
 */
class NoiseAndDuplicatesTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void redeliveredEventIsAnsweredOnce() throws Exception {
    String body = Payloads.render("event_app_mention.json", Map.of("EVENT_ID", "EvDup1", "TS", "1700000500.000500",
        "CHANNEL", SlackBot.CHANNEL, "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> what did the repairs cost?"));
    assertEquals(200, bot.post(body, "application/json", now(), Map.of()).statusCode());
    bot.stub().awaitOne("chat.postMessage");

    for (int retry = 1; retry <= 2; retry++) {
      var ack = bot.post(body, "application/json", now(),
          Map.of("X-Slack-Retry-Num", Integer.toString(retry), "X-Slack-Retry-Reason", "http_timeout"));
      assertEquals(200, ack.statusCode(), "a retry is acknowledged so Slack stops retrying");
    }
    bot.dm("EvSentinel1", "1700000600.000600", "When does the rooftop garden close?");

    List<SlackApiStub.Call> posts = bot.stub().await("chat.postMessage", 2, Duration.ofSeconds(10));
    assertEquals(List.of(SlackBot.CHANNEL, SlackBot.DM), posts.stream().map(c -> c.params().get("channel")).toList());
    assertEquals(1, bot.stub().calls("reactions.add").size());
  }

  @Test
  void botsOwnMessagesOtherBotsAndEditsGetNoReply() throws Exception {
    String question = "what did the repairs cost?";
    bot.event("event_message_im.json", Map.of("EVENT_ID", "EvSelf", "TS", "1700000700.000001",
        "CHANNEL", SlackBot.DM, "USER", SlackApiStub.BOT_USER_ID, "TEXT", question));
    bot.event("event_message_im_from_bot.json", Map.of("EVENT_ID", "EvBot", "TS", "1700000700.000002",
        "CHANNEL", SlackBot.DM, "TEXT", question));
    var edit = bot.event("event_message_im_changed.json", Map.of("EVENT_ID", "EvEdit", "TS", "1700000700.000003",
        "CHANNEL", SlackBot.DM, "TEXT", question));
    assertEquals(200, edit.statusCode(), "subtyped messages are acknowledged, then ignored");
    bot.dm("EvSentinel2", "1700000700.000004", "When does the rooftop garden close?");

    List<SlackApiStub.Call> posts = bot.stub().await("chat.postMessage", 1, Duration.ofSeconds(10));
    assertEquals(1, posts.size());
    assertEquals(true, posts.get(0).params().get("text").contains("sunset"), "only the sentinel was answered");
    assertEquals(List.of(), bot.stub().calls("bots.info"), "no Web API call while Slack waits for the ack");
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
