package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 👍/👎 under every answer: each click is one JSON line in the feedback log, and the buttons give way to thanks. */
class FeedbackTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void thumbsUpInAThreadIsLoggedWithWhatWasShownAndThanked() throws Exception {
    Instant before = Instant.now();
    bot.mention("EvFb1", "1700005000.000100", "How many steel cables did engineers replace?");
    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    JsonNode blocks = post.jsonParam("blocks");
    JsonNode up = Blocks.button(blocks, SlackIds.FEEDBACK_UP);
    Blocks.button(blocks, SlackIds.FEEDBACK_DOWN);

    bot.click(SlackIds.FEEDBACK_UP, up.path("value").asText(), SlackBot.posted(post, "1700005000.000200"), "fb1");
    SlackApiStub.Call replaced = bot.stub().awaitOne(SlackApiStub.RESPONSE_URL);
    assertEquals("/response/fb1", replaced.path());
    assertTrue(replaced.json().path("replace_original").asBoolean(), replaced.json().toString());
    JsonNode after = replaced.json().path("blocks");
    assertEquals(Blocks.sections(blocks), Blocks.sections(after), "the answer itself stays as it was");
    assertTrue(Blocks.contexts(after).contains(ReplyRenderer.THANKS), Blocks.contexts(after).toString());
    assertTrue(Blocks.buttons(after).stream().noneMatch(b -> b.path("action_id").asText().startsWith("feedback_")),
        "feedback is given once: " + Blocks.buttons(after));

    List<String> lines = Files.readAllLines(bot.feedbackDir().resolve("feedback.jsonl"), StandardCharsets.UTF_8);
    assertEquals(1, lines.size(), lines.toString());
    JsonNode line = JSON.readTree(lines.get(0));
    assertEquals("up", line.path("verdict").asText());
    assertEquals("How many steel cables did engineers replace?", line.path("question").asText());
    assertEquals(SlackBot.CLICKER, line.path("user").asText());
    assertEquals(SlackBot.CHANNEL, line.path("channel").asText());
    assertTrue(!Instant.parse(line.path("time").asText()).isBefore(before.minusSeconds(1)), line.toString());
    JsonNode first = line.path("excerpts").get(0);
    assertEquals("harbour-bridge.md", first.path("story").asText());
    String paragraph = Fixtures.paragraphWith(Fixtures.named(bot.stories(), "harbour-bridge.md"), "forty steel cables");
    assertEquals(Fixtures.paragraphNumber(Fixtures.named(bot.stories(), "harbour-bridge.md"), "forty steel cables"),
        first.path("paragraph").asInt());
    assertTrue(paragraph.contains(first.path("quote").asText()), first.toString());
    assertTrue(Blocks.contexts(blocks).get(0).contains("¶" + first.path("paragraph").asInt()), "the ¶ shown is the ¶ logged");
  }

  @Test
  void thumbsDownOnAPrivateAnswerIsLoggedAndTheAnswerShownAgainWithoutButtons() throws Exception {
    bot.command("source:CNN And the hostages?", "ask");
    JsonNode blocks = bot.reply("ask").path("blocks");
    JsonNode down = Blocks.button(blocks, SlackIds.FEEDBACK_DOWN);

    bot.click(SlackIds.FEEDBACK_DOWN, down.path("value").asText(), null, "fb2");
    JsonNode replaced = bot.reply("fb2");
    assertEquals("ephemeral", replaced.path("response_type").asText());
    assertTrue(replaced.path("replace_original").asBoolean());
    assertEquals(Blocks.sections(blocks), Blocks.sections(replaced.path("blocks")));
    assertTrue(Blocks.contexts(replaced.path("blocks")).contains(ReplyRenderer.THANKS));
    Blocks.button(replaced.path("blocks"), SlackIds.SHARE);  // sharing is still possible

    JsonNode line = JSON.readTree(Files.readAllLines(bot.feedbackDir().resolve("feedback.jsonl")).get(0));
    assertEquals("down", line.path("verdict").asText());
    assertEquals("source:CNN And the hostages?", line.path("question").asText());
    assertEquals(3, line.path("excerpts").size());
    for (JsonNode e : line.path("excerpts")) {
      assertEquals("CNN", Fixtures.named(bot.stories(), e.path("story").asText()).attribution().source(), e.toString());
    }
  }
}
