package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.story.Story;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "More excerpts": the next page of the same question, where the first one was shown, until there are no more. */
class MoreExcerptsTest {

  private static final String QUESTION = "And the hostages?";

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void moreInAThreadPostsTheNextPageInThatThreadUntilNoneAreLeft() throws Exception {
    String ts = "1700002000.000100";
    bot.mention("EvMore1", ts, QUESTION);
    SlackApiStub.Call first = bot.stub().awaitOne("chat.postMessage");
    JsonNode firstBlocks = first.jsonParam("blocks");
    JsonNode more = Blocks.button(firstBlocks, SlackIds.MORE);

    bot.click(SlackIds.MORE, more.path("value").asText(), SlackBot.posted(first, "1700002000.000200"), "m1");
    SlackApiStub.Call second = bot.stub().await("chat.postMessage", 2, Duration.ofSeconds(10)).get(1);
    assertEquals(SlackBot.CHANNEL, second.params().get("channel"));
    assertEquals(ts, second.params().get("thread_ts"), "the next page goes to the question's thread");
    JsonNode secondBlocks = second.jsonParam("blocks");
    int shownFirst = Blocks.quotes(firstBlocks).size();
    assertTrue(Blocks.contexts(secondBlocks).get(0).contains("More excerpts, from no. " + (shownFirst + 1)),
        Blocks.contexts(secondBlocks).toString());

    // Page after page, in the same thread, until no More button is left: every paragraph that mentions hostages is
    // quoted, none twice.
    List<String> quoted = new ArrayList<>(Blocks.quotes(firstBlocks));
    quoted.addAll(Blocks.quotes(secondBlocks));
    JsonNode page = secondBlocks;
    SlackApiStub.Call last = second;
    for (int n = 3; Blocks.buttons(page).stream().anyMatch(b -> b.path("action_id").asText().equals(SlackIds.MORE)); n++) {
      assertTrue(n < 12, "paging ends");
      bot.click(SlackIds.MORE, Blocks.button(page, SlackIds.MORE).path("value").asText(),
          SlackBot.posted(last, "1700002000.00030" + n), "m" + n);
      last = bot.stub().await("chat.postMessage", n, Duration.ofSeconds(10)).get(n - 1);
      assertEquals(ts, last.params().get("thread_ts"));
      page = last.jsonParam("blocks");
      quoted.addAll(Blocks.quotes(page));
    }
    assertEquals(quoted.size(), new HashSet<>(quoted).size(), "no excerpt shown twice: " + quoted);
    for (String p : hostageParagraphs()) assertTrue(quoted.stream().anyMatch(p::contains), p + " among " + quoted);
    assertTrue(bot.stub().calls(SlackApiStub.RESPONSE_URL).isEmpty());
  }

  @Test
  void moreOnAPrivateReplyAnswersPrivatelyAgain() throws Exception {
    bot.command(QUESTION, "ask");
    JsonNode first = bot.reply("ask");
    JsonNode more = Blocks.button(first.path("blocks"), SlackIds.MORE);

    bot.click(SlackIds.MORE, more.path("value").asText(), null, "more");
    SlackApiStub.Call second = bot.stub().await(SlackApiStub.RESPONSE_URL, 2, Duration.ofSeconds(10)).get(1);
    assertEquals("/response/more", second.path());
    assertEquals("ephemeral", second.json().path("response_type").asText());
    assertFalse(second.json().path("replace_original").asBoolean(true), "the first page stays");
    List<String> page2 = Blocks.quotes(second.json().path("blocks"));
    assertEquals(3, page2.size());
    assertTrue(page2.stream().noneMatch(Blocks.quotes(first.path("blocks"))::contains), page2.toString());
    assertTrue(bot.stub().calls("chat.postMessage").isEmpty(), "nothing posted for everyone to see");
  }

  private List<String> hostageParagraphs() {
    List<String> out = new ArrayList<>();
    for (Story s : bot.stories()) s.paragraphs().stream().filter(p -> p.contains("hostages")).forEach(out::add);
    return out;
  }
}
