package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.story.Story;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** @mentions and DMs end to end: signed events in, chat.postMessage (and reactions) out to the stub. */
class MentionAndDmTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void mentionIsAnsweredInItsThreadWithTheQuoteWhileEyesShowWork() throws Exception {
    String ts = "1700000100.000100";
    assertEquals(200, bot.mention("Ev0001", ts, "How many cables did the engineers replace?").statusCode());

    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertEquals(SlackBot.CHANNEL, post.params().get("channel"));
    assertEquals(ts, post.params().get("thread_ts"), "a top-level question starts a thread under itself");
    assertEquals("Bearer " + SlackBot.TOKEN, post.authorization());

    Story bridge = Fixtures.named(bot.stories(), "harbour-bridge.md");
    String sentence = Fixtures.paragraphWith(bridge, "forty steel cables");
    JsonNode blocks = post.jsonParam("blocks");
    assertTrue(Blocks.plain(Blocks.sections(blocks).get(0)).contains(sentence), Blocks.sections(blocks).get(0));
    assertTrue(Blocks.sections(blocks).get(0).contains("*cables*"), "matched word in bold");
    String context = Blocks.contexts(blocks).get(0);
    assertTrue(context.startsWith("*" + bridge.title() + "*"), context);
    assertTrue(context.contains("¶" + (bridge.paragraphs().indexOf(sentence) + 1)), context);
    assertTrue(post.params().get("text").contains("forty steel cables"), "plain-text fallback");

    SlackApiStub.Call added = bot.stub().awaitOne("reactions.add");
    SlackApiStub.Call removed = bot.stub().awaitOne("reactions.remove");
    for (SlackApiStub.Call r : List.of(added, removed)) {
      assertEquals(Map.of("channel", SlackBot.CHANNEL, "timestamp", ts, "name", "eyes"),
          Map.of("channel", r.params().get("channel"), "timestamp", r.params().get("timestamp"), "name", r.params().get("name")));
    }
    List<String> order = bot.stub().calls().stream().map(SlackApiStub.Call::method)
        .filter(m -> !m.equals("auth.test")).toList();
    assertEquals(List.of("reactions.add", "chat.postMessage", "reactions.remove"), order);
  }

  @Test
  void mentionInsideAThreadIsAnsweredInThatThread() throws Exception {
    String parent = "1700000000.000001";
    bot.event("event_app_mention_in_thread.json", Map.of("EVENT_ID", "Ev0002", "TS", "1700000200.000200",
        "THREAD_TS", parent, "CHANNEL", SlackBot.CHANNEL,
        "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> what did the repairs cost?"));
    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertEquals(parent, post.params().get("thread_ts"));
    String quote = Blocks.sections(post.jsonParam("blocks")).get(0);
    assertTrue(quote.contains("12 million euros &amp; came in under budget"), "story text escaped for Slack: " + quote);
  }

  @Test
  void directMessageIsAnsweredInTheDmAndNotThreaded() throws Exception {
    assertEquals(200, bot.dm("Ev0003", "1700000300.000300", "When does the rooftop garden close?").statusCode());
    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertEquals(SlackBot.DM, post.params().get("channel"));
    assertNull(post.params().get("thread_ts"), "a DM reply stays in the conversation, not in a thread");
    String sentence = Fixtures.paragraphWith(Fixtures.named(bot.stories(), "library-opening.md"), "until sunset");
    assertTrue(Blocks.plain(Blocks.sections(post.jsonParam("blocks")).get(0)).contains(sentence));
  }

  @Test
  void directMessageInAThreadIsAnsweredInThatThread() throws Exception {
    String parent = "1700000000.000042";
    bot.event("event_message_im_in_thread.json", Map.of("EVENT_ID", "Ev0004", "TS", "1700000400.000400",
        "THREAD_TS", parent, "CHANNEL", SlackBot.DM, "USER", "U0000ASKER", "TEXT", "What did cycling groups get?"));
    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertEquals(parent, post.params().get("thread_ts"));
    String quote = Blocks.sections(post.jsonParam("blocks")).get(0);
    assertTrue(quote.contains("&lt;and got one&gt;"), "angle brackets escaped: " + quote);
    assertFalse(quote.contains("<and"), quote);
  }

  @Test
  void bareMentionGetsUsageInsteadOfSilence() throws Exception {
    bot.mention("Ev0005", "1700000500.000500", "");
    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertEquals("1700000500.000500", post.params().get("thread_ts"));
    assertTrue(post.params().get("text").contains(SlackIds.COMMAND + " "), post.params().get("text"));
  }

  @Test
  void mentionsOfChannelsAndEveryoneAreNotAQuestion() throws Exception {
    bot.dm("Ev0006", "1700000600.000600", "<!here> <#" + SlackBot.CHANNEL + "|general> <!channel>");
    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertTrue(post.params().get("text").contains(SlackIds.COMMAND + " "), "how to ask, not a search for "
        + "\"here general channel\": " + post.params().get("text"));
  }
}
