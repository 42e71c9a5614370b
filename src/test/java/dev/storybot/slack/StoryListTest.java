package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.SlackBot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/story list`: headlines newest first, a page at a time, with filters. */
class StoryListTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void listPagesThroughTheHeadlinesNewestFirst() throws Exception {
    bot.command("list", "l1");
    JsonNode first = bot.reply("l1");
    assertEquals("ephemeral", first.path("response_type").asText());
    assertFalse(first.path("replace_original").asBoolean(true));
    JsonNode blocks = first.path("blocks");
    int total = bot.stories().size();
    assertEquals("*Stories, newest first:* 1–5 of " + total, Blocks.sections(blocks).get(0));
    assertEquals(List.of("Fish market prices rise before the holidays", "Families of hostages end march in Jerusalem",
        "Qatar mediators report progress in hostage talks", "Blinken presses for humanitarian pauses on Tel Aviv visit",
        "Harbour bridge reopens to cyclists after six-month repair"), headlines(blocks));
    assertEquals(List.of(SlackIds.LIST_PAGE + "_older"), actionIds(blocks));

    bot.click(SlackIds.LIST_PAGE + "_older", Blocks.buttons(blocks).get(0).path("value").asText(), null, "l2");
    JsonNode second = bot.reply("l2");
    assertTrue(second.path("replace_original").asBoolean(), "the page turns in place");
    assertEquals("*Stories, newest first:* 6–" + total + " of " + total, Blocks.sections(second.path("blocks")).get(0));
    // Undated stories come last, in the order of their file names.
    assertEquals(List.of("New central library opens with a rooftop reading garden", "Winter ferry timetable cuts evening crossings",
        "Fire damages rare book collection at Eastfield library", "Council approves new harbor bridge after two-year debate",
        "Late frost cuts apple harvest in the valley"), headlines(second.path("blocks")));
    assertTrue(Blocks.contexts(second.path("blocks")).get(1).endsWith(" · Harbour Gazette · 2023-09-01"));
    assertEquals(List.of(SlackIds.LIST_PAGE + "_newer"), actionIds(second.path("blocks")));
  }

  @Test
  void listTakesFiltersAndSaysWhenNoneMatch() throws Exception {
    bot.command("list source:cnn", "cnn");
    JsonNode cnn = bot.reply("cnn").path("blocks");
    assertEquals("*Stories from cnn, newest first:* 1–3 of 3", Blocks.sections(cnn).get(0));
    assertEquals(List.of("Families of hostages end march in Jerusalem",
        "Blinken presses for humanitarian pauses on Tel Aviv visit", "New central library opens with a rooftop reading garden"),
        headlines(cnn));
    assertTrue(Blocks.buttons(cnn).isEmpty());

    bot.command("LIST source:BBC", "bbc");
    String none = bot.reply("bbc").path("text").asText();
    assertEquals("None of our stories match the filters (stories from BBC).", none);
  }

  private static List<String> headlines(JsonNode blocks) {
    return Blocks.contexts(blocks).stream().map(c -> Blocks.plain(c.contains(" · ") ? c.substring(0, c.indexOf(" · ")) : c))
        .toList();
  }

  private static List<String> actionIds(JsonNode blocks) {
    return Blocks.buttons(blocks).stream().map(b -> b.path("action_id").asText()).toList();
  }
}
