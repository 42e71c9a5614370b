package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A question in a thread the bot answered is read with that thread's earlier question: it stays on topic. */
class FollowUpTest {

  private static final String BLINKEN = "*Blinken presses for humanitarian pauses on Tel Aviv visit*";
  private static final String FOLLOW_UP = "And the hostages?";

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void followUpInTheThreadStaysOnTheEarlierQuestionsStory() throws Exception {
    String thread = "1700008000.000100";
    bot.mention("EvFu1", thread, "What did Blinken say in Tel Aviv?");
    assertTrue(firstAttribution(bot.stub().awaitOne("chat.postMessage")).startsWith(BLINKEN));

    bot.event("event_app_mention_in_thread.json", Map.of("EVENT_ID", "EvFu2", "TS", "1700008000.000300",
        "THREAD_TS", thread, "CHANNEL", SlackBot.CHANNEL, "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> " + FOLLOW_UP));
    SlackApiStub.Call followUp = bot.stub().await("chat.postMessage", 2, Duration.ofSeconds(10)).get(1);
    assertEquals(thread, followUp.params().get("thread_ts"));
    assertTrue(firstAttribution(followUp).startsWith(BLINKEN), "stays on Blinken: " + firstAttribution(followUp));
    JsonNode blocks = followUp.jsonParam("blocks");
    assertEquals("Following up on \u201cWhat did Blinken say in Tel Aviv?\u201d", Blocks.contexts(blocks).get(0));
    String quote = Blocks.plain(Blocks.sections(blocks).get(0));
    assertTrue(quote.contains("hostages"), "answers the follow-up, not the first question again: " + quote);

    // The same words asked afresh, outside that thread, lead elsewhere: the thread is what made the difference.
    bot.mention("EvFu3", "1700008000.000500", FOLLOW_UP);
    SlackApiStub.Call fresh = bot.stub().await("chat.postMessage", 3, Duration.ofSeconds(10)).get(2);
    assertTrue(!firstAttribution(fresh).startsWith(BLINKEN), firstAttribution(fresh));
  }

  @Test
  void followUpInADmThreadToo() throws Exception {
    String thread = "1700008100.000100";
    bot.event("event_message_im_in_thread.json", Map.of("EVENT_ID", "EvFu4", "TS", "1700008100.000200",
        "THREAD_TS", thread, "CHANNEL", SlackBot.DM, "USER", "U0000ASKER", "TEXT", "What did Blinken say in Tel Aviv?"));
    bot.stub().awaitOne("chat.postMessage");
    bot.event("event_message_im_in_thread.json", Map.of("EVENT_ID", "EvFu5", "TS", "1700008100.000300",
        "THREAD_TS", thread, "CHANNEL", SlackBot.DM, "USER", "U0000ASKER", "TEXT", FOLLOW_UP));
    SlackApiStub.Call followUp = bot.stub().await("chat.postMessage", 2, Duration.ofSeconds(10)).get(1);
    assertTrue(firstAttribution(followUp).startsWith(BLINKEN), firstAttribution(followUp));
  }

  private static String firstAttribution(SlackApiStub.Call post) {
    List<String> contexts = Blocks.contexts(post.jsonParam("blocks"));
    return contexts.stream().filter(c -> c.startsWith("*")).findFirst().orElse("(none) " + contexts);
  }
}
