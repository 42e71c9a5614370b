package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.story.Story;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Filters inside a question narrow the search, the reply names them, and filters that match nothing say so. */
class FiltersTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void sourceFilterQuotesOnlyThatSourceAndTheReplyNamesIt() throws Exception {
    bot.mention("EvF1", "1700003000.000100", "source:CNN And the hostages?");
    JsonNode blocks = bot.stub().awaitOne("chat.postMessage").jsonParam("blocks");
    List<String> contexts = Blocks.contexts(blocks);
    assertEquals("Searched stories from CNN", contexts.get(0));
    List<String> attributions = contexts.subList(1, contexts.size());
    assertEquals(3, attributions.size(), attributions.toString());
    for (String a : attributions) assertTrue(a.contains(" · CNN · "), a);
    assertTrue(Blocks.quotes(blocks).stream().allMatch(q -> fromSource(q, "CNN")), Blocks.quotes(blocks).toString());
  }

  @Test
  void dateFiltersKeepTheirWindowOnTheNextPageToo() throws Exception {
    bot.command("after:2023-11-05 And the hostages?", "dates");
    JsonNode first = bot.reply("dates").path("blocks");
    assertEquals("Searched stories after 2023-11-05", Blocks.contexts(first).get(0));
    JsonNode more = Blocks.button(first, SlackIds.MORE);

    bot.click(SlackIds.MORE, more.path("value").asText(), null, "dates2");
    JsonNode second = bot.reply("dates2").path("blocks");
    assertTrue(Blocks.contexts(second).get(0).startsWith("Searched stories after 2023-11-05"), Blocks.contexts(second).toString());
    List<String> all = new java.util.ArrayList<>(Blocks.quotes(first));
    all.addAll(Blocks.quotes(second));
    // Every paragraph about hostages but the one from November 3rd (found by words; meaning may add neighbours of the
    // same stories), and nothing from the Blinken story, which is from before the window.
    Story blinken = Fixtures.named(bot.stories(), "blinken-tel-aviv.md");
    List<String> hostages = bot.stories().stream()
        .filter(s -> s.attribution().published() != null && s.attribution().published().compareTo("2023-11-06") >= 0)
        .flatMap(s -> s.paragraphs().stream()).filter(p -> p.contains("hostage")).toList();
    assertTrue(hostages.size() >= 3, "the fixtures hold hostage paragraphs in the window: " + hostages);
    for (String p : hostages) assertTrue(all.stream().anyMatch(p::contains), p + " among " + all);
    assertTrue(all.stream().noneMatch(q -> blinken.paragraphs().stream().anyMatch(p -> p.contains(q))), all.toString());
  }

  @Test
  void headlineFilterAndBeforeNarrowToOneStory() throws Exception {
    bot.dm("EvF3", "1700003000.000300", "in:\u201chostage talks\u201d before:2023-12-01 And the hostages?");
    JsonNode blocks = bot.stub().awaitOne("chat.postMessage").jsonParam("blocks");
    assertEquals("Searched stories with \u201chostage talks\u201d in the headline before 2023-12-01", Blocks.contexts(blocks).get(0));
    for (String a : Blocks.contexts(blocks).subList(1, Blocks.contexts(blocks).size())) {
      assertTrue(a.startsWith("*Qatar mediators report progress in hostage talks*"), a);
    }
  }

  @Test
  void filterMatchingNoStorySaysSoPlainly() throws Exception {
    bot.mention("EvF4", "1700003000.000400", "source:BBC And the hostages?");
    SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
    assertEquals("1700003000.000400", post.params().get("thread_ts"));
    String text = post.params().get("text");
    assertTrue(text.startsWith("None of our stories match the filters (stories from BBC)."), text);
    assertFalse(text.contains("in quotes"), "no story is from \"BBC And\" either: " + text);
    assertFalse(text.contains(ReplyRenderer.NOT_FOUND), "not the generic not-found: " + text);
  }

  @Test
  void aSourceOfTwoWordsWithoutQuotesGetsTheQuotedFormSuggested() throws Exception {
    bot.command("source:Harbour Gazette when does the ferry leave?", "unquoted");
    String text = bot.reply("unquoted").path("text").asText();
    assertTrue(text.startsWith("None of our stories match the filters (stories from Harbour).")
        && text.contains("goes in quotes: source:\"Harbour Gazette\"."), text);

    bot.command("source:\"Harbour Gazette\" when does the ferry leave?", "quoted");
    JsonNode quoted = bot.reply("quoted");
    assertEquals("Searched stories from Harbour Gazette", Blocks.contexts(quoted.path("blocks")).get(0), quoted.toString());
  }

  @Test
  void badDateGetsAReplySayingHowToWriteIt() throws Exception {
    bot.command("after:last-week And the hostages?", "bad");
    String text = bot.reply("bad").path("text").asText();
    assertTrue(text.contains("after: needs a date written year-month-day, e.g. after:2023-11-01"), text);
  }

  private boolean fromSource(String quote, String source) {
    return bot.stories().stream().filter(s -> source.equals(s.attribution().source()))
        .anyMatch(s -> s.paragraphs().stream().anyMatch(p -> p.contains(quote)));
  }
}
