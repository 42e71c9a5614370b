package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/story` end to end over the bundled story: signed request in, ephemeral answer out through response_url. */
class SlashCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Story> bundled = StoryLoader.bundled();
  @RegisterExtension final SlackBot bot = SlackBot.builder().stories(bundled).build();

  @Test
  void commandIsAckedAtOnceAndAnsweredEphemerallyWithTheQuoteAndHeadline() throws Exception {
    String question = "Who is the Qatari spokesperson?";
    // The first request in a fresh JVM loads Bolt's classes; the deadline is about every request after that.
    bot.command("help", "warm-up");
    HttpResponse<String> ack = bot.command(question, "cmd1", SlackBot.SLACK_DEADLINE);
    assertEquals(200, ack.statusCode(), ack.body());

    SlackApiStub.Call reply = bot.stub().awaitOne(SlackApiStub.RESPONSE_URL);
    assertEquals("/response/cmd1", reply.path());
    assertEquals("ephemeral", reply.json().path("response_type").asText());
    JsonNode blocks = reply.json().path("blocks");
    List<String> sections = Blocks.sections(blocks);
    assertTrue(Blocks.plain(sections.get(0)).contains(question), "repeats the question: " + sections.get(0));

    Story story = bundled.get(0);
    String paragraph = Fixtures.paragraphWith(story, "spokesperson Majed Al-Ansari");
    String quote = sections.get(1);
    assertTrue(quote.startsWith("> "), quote);
    String firstSentence = paragraph.substring(0, paragraph.indexOf(", and Qatar"));
    assertTrue(Blocks.plain(quote).contains(firstSentence), "quotes the answering sentence: " + quote);
    assertTrue(quote.contains("*spokesperson*"), "matched word in bold: " + quote);
    String context = Blocks.contexts(blocks).get(0);
    assertTrue(context.startsWith("*" + story.title() + "*"), context);
    assertTrue(context.contains("¶" + (story.paragraphs().indexOf(paragraph) + 1)), context);
    assertTrue(reply.json().path("text").asText().contains("Majed Al-Ansari"), "plain-text fallback");

    JsonNode share = Blocks.buttons(blocks).get(0);
    assertEquals(SlackIds.SHARE, share.path("action_id").asText());
    assertEquals(question, Ask.fromValue(share.path("value").asText()).orElseThrow().question());
  }

  @Test
  void bareCommandAndHelpGetUsageWithExamplesInTheAck() throws Exception {
    for (String text : List.of("", "help", "  HELP ")) {
      HttpResponse<String> ack = bot.command(text, "help");
      assertEquals(200, ack.statusCode());
      JsonNode body = JSON.readTree(ack.body());  // Bolt writes '>' as \u003e: parse, don't grep
      assertEquals("ephemeral", body.path("response_type").asText());
      assertTrue(body.path("text").asText().contains("/story "), body.toString());
    }
    assertTrue(bot.stub().calls(SlackApiStub.RESPONSE_URL).isEmpty(), "usage needs no search and no response_url");
  }
}
