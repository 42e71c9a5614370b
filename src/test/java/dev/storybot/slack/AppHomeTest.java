package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The App Home tab: how to ask, example questions from the stories, and the shelf with the newest headlines. */
class AppHomeTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void openingHomePublishesHowToAskExamplesAndTheNewestStories() throws Exception {
    bot.event("event_app_home_opened.json", Map.of("USER", "U0000HOME", "TAB", "home", "EVENT_ID", "EvHome1"));
    SlackApiStub.Call publish = bot.stub().awaitOne("views.publish");
    assertEquals("U0000HOME", publish.params().get("user_id"));
    JsonNode view = publish.jsonParam("view");
    assertEquals("home", view.path("type").asText());
    String text = String.join("\n", Blocks.sections(view.path("blocks")));
    for (String how : List.of("mention me", "direct message", "`/story ", "Find in stories", "source:CNN",
        "who said it", "[brackets] are mine")) {
      assertTrue(text.contains(how), how + " in " + text);
    }
    assertTrue(text.contains("*The shelf:* " + bot.stories().size() + " stories. Newest:"), text);

    List<String> newest = Blocks.contexts(view.path("blocks"));
    assertEquals(HomeTab.NEWEST, newest.size());
    assertEquals("*Fish market prices rise before the holidays* · Reuters · 2023-12-01", newest.get(0));
    assertEquals("*Families of hostages end march in Jerusalem* · CNN · 2023-11-20 · <https://example.com/hostage-march|link>",
        newest.get(1));
    assertTrue(newest.get(4).startsWith("*Harbour bridge reopens"), "5th newest: " + newest);

    // The first example question is drawn from the newest headline, and asking it finds that story.
    String example = "tell me about fish market prices rise before the holidays";
    assertTrue(text.contains("`/story " + example + "`"), text);
    bot.command(example, "ex");
    JsonNode answer = bot.reply("ex").path("blocks");
    assertTrue(Blocks.contexts(answer).get(0).startsWith("*Fish market prices rise before the holidays*"), answer.toString());
  }

  @Test
  void theMessagesTabPublishesNothing() throws Exception {
    bot.event("event_app_home_opened.json", Map.of("USER", "U0000HOME", "TAB", "messages", "EVENT_ID", "EvHome2"));
    bot.mention("EvHome3", "1700007000.000200", "How many steel cables did engineers replace?");
    bot.stub().awaitOne("chat.postMessage");  // one worker: the home event was handled before this reply
    assertTrue(bot.stub().calls("views.publish").isEmpty());
  }
}
