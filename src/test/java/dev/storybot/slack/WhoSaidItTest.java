package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who said it, over the bundled story, through signed Slack requests against the stub: the speaker is on the quote or
 * on its context line, in Block Kit and in the plain-text fallback alike, and added words stay marked.
 */
class WhoSaidItTest {

  private static final String SAFADI = "Ayman Safadi, Jordanian foreign minister";
  @RegisterExtension final SlackBot bot = SlackBot.builder().stories(StoryLoader.bundled()).build();

  @Test
  void aMentionShowsTheTokyoSentenceAlone() throws Exception {
    bot.mention("EvWho0", "1700000100.000050", "Where did Blinken go after Ankara?");
    List<String> quotes = Blocks.sections(bot.stub().awaitOne("chat.postMessage").jsonParam("blocks"));
    assertTrue(Blocks.plain(quotes.get(0)).contains("departed Ankara for Tokyo"), quotes.get(0));
    assertEquals(1, quotes.size(), "no excerpt that answers nothing: " + quotes);
  }

  @Test
  void safadisWordsAreNamedAsHisWhereverTheyAreShown() throws Exception {
    bot.mention("EvWho1", "1700000100.000100", "Are we going to be talking about a wasteland?");
    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    JsonNode blocks = post.jsonParam("blocks");
    List<String> quotes = Blocks.sections(blocks);
    List<String> contexts = Blocks.contexts(blocks);
    int safadi = 0;
    for (int i = 0; i < quotes.size(); i++) {
      if (!quotes.get(i).contains("wasteland")) continue;
      safadi++;
      assertTrue(quotes.get(i).contains("Ayman Safadi") || contexts.get(i).startsWith(SAFADI + " · "),
          quotes.get(i) + "\n" + contexts.get(i));
    }
    assertEquals(1, safadi, "Safadi's words are among the excerpts: " + quotes);
    for (String line : post.params().get("text").split("\n")) {
      if (line.contains("wasteland")) assertTrue(line.contains("Ayman Safadi"), line);
      assertEquals(count(line, '“'), count(line, '”'), "quotation marks paired in the fallback: " + line);
    }
  }

  @Test
  void aCommandNamesAlAnsariOnTheContextLineAndMarksTheWordsLeftOut() throws Exception {
    bot.command("What did Al-Ansari tell CNN?", "who1");
    JsonNode blocks = bot.stub().awaitOne(SlackApiStub.RESPONSE_URL).json().path("blocks");
    String quote = Blocks.plain(Blocks.sections(blocks).get(1));
    assertTrue(quote.contains("Al-Ansari told CNN"), quote);
    // Named in the quote (the sentence before, taken in) or on its context line: never shown without him.
    assertTrue(quote.contains("spokesperson Majed Al-Ansari said") || Blocks.contexts(blocks).get(0).startsWith(
        "Majed Al-Ansari, Qatari Ministry of Foreign Affairs spokesperson · *Blinken says progress"),
        quote + "\n" + Blocks.contexts(blocks).get(0));

    bot.dm("EvWho2", "1700000200.000200", "What did Netanyahu reject after meeting Blinken?");
    JsonNode dm = bot.stub().awaitOne("chat.postMessage").jsonParam("blocks");
    String dmQuote = Blocks.sections(dm).get(0);
    assertTrue(Blocks.plain(dmQuote).startsWith("> …just hours after meeting with Blinken"), "the connective left out: " + dmQuote);
  }

  private static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }
}
