package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Share in channel": the button on a `/story` reply posts the same answer visibly, attributed to the sharer. */
class ShareTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void shareButtonPostsTheAnswerInChannelAttributedToTheSharer() throws Exception {
    bot.command("How many books does the library have?", "ask");
    JsonNode ephemeral = bot.reply("ask");
    String value = Blocks.buttons(ephemeral.path("blocks")).get(0).path("value").asText();

    assertEquals(200, bot.share(value, "U0000SHARER", "shared").statusCode());
    SlackApiStub.Call shared = bot.stub().await(SlackApiStub.RESPONSE_URL, 2, java.time.Duration.ofSeconds(10)).get(1);
    assertEquals("/response/shared", shared.path());
    assertEquals("in_channel", shared.json().path("response_type").asText());
    assertFalse(shared.json().path("replace_original").asBoolean(), "the private reply stays");

    JsonNode blocks = shared.json().path("blocks");
    assertTrue(Blocks.contexts(blocks).contains("shared by <@U0000SHARER>"), Blocks.contexts(blocks).toString());
    String sentence = Fixtures.paragraphWith(Fixtures.named(bot.stories(), "library-opening.md"), "ninety thousand books");
    assertTrue(Blocks.sections(blocks).stream().map(Blocks::plain).anyMatch(s -> s.contains(sentence)), blocks.toString());
    assertTrue(Blocks.buttons(blocks).stream().noneMatch(b -> b.path("action_id").asText().equals(SlackIds.SHARE)),
        "no share button on the shared message");
  }
}
