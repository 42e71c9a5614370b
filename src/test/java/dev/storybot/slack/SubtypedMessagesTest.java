package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.testing.Blocks;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.Scrape;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages as Slack sends them when a person attaches a file (subtype file_share) or also sends a thread reply to
 * the conversation (subtype thread_broadcast): questions like any other, answered, and counted by where they were
 * asked (a DM, or a channel).
 */
class SubtypedMessagesTest {

  private static final String QUESTION = "When does the rooftop garden close?";
  private static final String UNTAGGED = "C0000OPEN";

  @RegisterExtension final SlackBot bot = SlackBot.builder()
      .channels("channels:\n  " + UNTAGGED + ":\n    answer_untagged: true\n").build();

  @Test
  void directMessageWithAFileAttachedIsAnswered() throws Exception {
    assertEquals(200, bot.event("event_message_im_file_share.json", Map.of("EVENT_ID", "EvF1", "TS", "1700000300.000300",
        "CHANNEL", SlackBot.DM, "USER", SlackBot.ASKER, "TEXT", QUESTION)).statusCode());

    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertEquals(SlackBot.DM, post.params().get("channel"));
    assertNull(post.params().get("thread_ts"));
    assertAnswered(post);
    assertEquals(1, requests("dm"), "a DM, whatever its subtype");
  }

  @Test
  void fileSharedWithoutWordsGetsTheHowToAsk() throws Exception {
    bot.event("event_message_im_file_share.json", Map.of("EVENT_ID", "EvF2", "TS", "1700000301.000300",
        "CHANNEL", SlackBot.DM, "USER", SlackBot.ASKER, "TEXT", ""));
    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertTrue(post.params().get("text").contains(SlackIds.COMMAND + " "), post.params().get("text"));
  }

  @Test
  void threadReplyAlsoSentToTheDmIsAnsweredInItsThread() throws Exception {
    String parent = "1700000000.000042";
    bot.event("event_message_thread_broadcast.json", Map.of("EVENT_ID", "EvF3", "TS", "1700000400.000400",
        "THREAD_TS", parent, "CHANNEL", SlackBot.DM, "CHANNEL_TYPE", "im", "USER", SlackBot.ASKER, "TEXT", QUESTION));

    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertEquals(SlackBot.DM, post.params().get("channel"));
    assertEquals(parent, post.params().get("thread_ts"));
    assertAnswered(post);
  }

  @Test
  void untaggedThreadBroadcastInAnOpenChannelIsAnsweredAndCountedAsAChannelMessage() throws Exception {
    String parent = "1700000000.000077";
    String ts = "1700000500.000500";
    bot.event("event_message_thread_broadcast.json", Map.of("EVENT_ID", "EvF4", "TS", ts, "THREAD_TS", parent,
        "CHANNEL", UNTAGGED, "CHANNEL_TYPE", "channel", "USER", SlackBot.ASKER, "TEXT", QUESTION));

    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertEquals(UNTAGGED, post.params().get("channel"));
    assertEquals(parent, post.params().get("thread_ts"));
    assertAnswered(post);
    assertEquals(1, requests("channel_message"));
    assertEquals(0, requests("dm"), "a channel's message is not a DM");
  }

  @Test
  void editsAreAcknowledgedAndCountedApart() throws Exception {
    assertEquals(200, bot.event("event_message_im_changed.json", Map.of("EVENT_ID", "EvF5", "TS", "1700000600.000600",
        "CHANNEL", SlackBot.DM, "TEXT", QUESTION)).statusCode());
    assertEquals(1, requests("message_other"));
    assertEquals(0, requests("dm"));
  }

  private void assertAnswered(SlackApiStub.Call post) {
    String sentence = Fixtures.paragraphWith(Fixtures.named(bot.stories(), "library-opening.md"), "until sunset");
    assertTrue(Blocks.plain(Blocks.sections(post.jsonParam("blocks")).get(0)).contains(sentence),
        post.params().get("text"));
  }

  // RequestLog counts a request before Bolt's servlet writes the ack, so the count is in once the 200 is.
  private double requests(String kind) {
    return new Scrape(bot.metrics().scrape()).sum("storybot_slack_requests_seconds_count", "kind", kind);
  }
}
