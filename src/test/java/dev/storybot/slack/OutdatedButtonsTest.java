package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.testing.SlackBot;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Buttons of older messages: an action_id this version does not know, or a value it cannot read, is acknowledged
 * (never Bolt's 404, which Slack shows the clicker as an error) and the clicker is told privately to ask again.
 */
class OutdatedButtonsTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void unknownActionIdIsAcknowledgedAndExplained() throws Exception {
    HttpResponse<String> ack = bot.click("summarise_story", "{\"q\":\"old\"}", null, "old");
    assertEquals(200, ack.statusCode(), ack.body());
    assertOutdatedNotice(bot.reply("old"));
  }

  @Test
  void knownButtonWithAValueFromAnOlderVersionIsExplainedToo() throws Exception {
    assertEquals(200, bot.click(SlackIds.MORE, "{\"question_v0\":true}", null, "more").statusCode());
    assertOutdatedNotice(bot.reply("more"));
  }

  @Test
  void aKnownButtonStillReachesItsListener() throws Exception {
    assertEquals(200, bot.click(SlackIds.LIST_PAGE + "_older", "{\"o\":0,\"f\":\"\"}", null, "page")
        .statusCode());
    JsonNode page = bot.reply("page");
    assertFalse(page.path("text").asText().equals(Questions.OUTDATED_BUTTON), page.toString());
  }

  private static void assertOutdatedNotice(JsonNode reply) {
    assertEquals(Questions.OUTDATED_BUTTON, reply.path("text").asText());
    assertEquals("ephemeral", reply.path("response_type").asText());
    assertFalse(reply.path("replace_original").asBoolean(true), "the clicked message stays as it was");
  }
}
