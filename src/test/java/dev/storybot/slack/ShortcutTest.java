package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Find in stories" on any message: that message's text looked up, the answer only for the user, with Share. */
class ShortcutTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void messageShortcutAnswersAboutTheMessagePrivatelyWithShare() throws Exception {
    String message = "Heard the <https://example.com|rooftop garden> at the new library stays open until sunset?";
    HttpResponse<String> ack = shortcut(message, "sc1");
    assertEquals(200, ack.statusCode(), ack.body());

    SlackApiStub.Call reply = bot.stub().awaitOne(SlackApiStub.RESPONSE_URL);
    assertEquals("/response/sc1", reply.path());
    assertEquals("ephemeral", reply.json().path("response_type").asText());
    JsonNode blocks = reply.json().path("blocks");
    assertTrue(Blocks.sections(blocks).get(0).contains("rooftop garden at the new library"), "the message's text, links reduced");
    String sentence = Fixtures.paragraphWith(Fixtures.named(bot.stories(), "library-opening.md"), "until sunset");
    assertTrue(Blocks.plain(Blocks.sections(blocks).get(1)).contains(sentence), Blocks.sections(blocks).toString());
    JsonNode share = Blocks.button(blocks, SlackIds.SHARE);

    bot.share(share.path("value").asText(), "U0000ASKER", "shared");
    JsonNode shared = bot.reply("shared");
    assertEquals("in_channel", shared.path("response_type").asText());
    assertTrue(Blocks.sections(shared.path("blocks")).stream().map(Blocks::plain).anyMatch(s -> s.contains(sentence)));
    assertTrue(bot.stub().calls("chat.postMessage").isEmpty(), "nothing posted for everyone until shared");
  }

  @Test
  void messageWithoutTextGetsAPlainReply() throws Exception {
    shortcut("", "sc2");
    String text = bot.reply("sc2").path("text").asText();
    assertEquals(Questions.NO_TEXT, text);
  }

  private HttpResponse<String> shortcut(String text, String responseId) throws Exception {
    String body = Payloads.interaction("message_action.json", Map.of("USER", "U0000ASKER", "CHANNEL", SlackBot.CHANNEL,
        "CALLBACK_ID", SlackIds.FIND_SHORTCUT, "RESPONSE_URL", bot.stub().responseUrl(responseId), "TEXT", text));
    return bot.post(body, "application/x-www-form-urlencoded", Instant.now().getEpochSecond(), Map.of());
  }
}
