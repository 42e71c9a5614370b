package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Turning Slack message text into a question, and story text into Slack text. */
class SlackTextTest {

  @Test
  void mentionsAreStrippedAndEntitiesDecoded() {
    assertEquals("what did the mayor say about costs & budgets?",
        SlackText.question("<@UBOT0001>   what did the mayor say about costs &amp; budgets?"));
    assertEquals("ask about the bridge", SlackText.question("<@UBOT0001|storybot> ask <@U123> about the bridge"));
    assertEquals("see the story", SlackText.question("see <https://example.com/x|the story>"));
    assertEquals("", SlackText.question("<@UBOT0001>"));
    assertEquals("", SlackText.question(null));
  }

  @Test
  void longQuestionsAreCut() {
    assertEquals(SlackText.MAX_QUESTION_CHARS, SlackText.question("a".repeat(5000)).length());
  }

  @Test
  void escapeHandlesTheThreeControlCharacters() {
    assertEquals("a &amp;lt; b &lt; c &gt; d", SlackText.escape("a &lt; b < c > d"));
    assertEquals("a &lt; b < c > d", SlackText.unescape(SlackText.escape("a &lt; b < c > d")));
  }
}
