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
  void slackReferencesAreNotSearchWords() {
    assertEquals("where did Blinken go?", SlackText.question("<!here> where did Blinken go?"));
    assertEquals("who spoke?", SlackText.question("<!channel> <!everyone|everyone> who spoke?"));
    assertEquals("who spoke?", SlackText.question("<@W0123abc> <@U0123ABC|jane> who spoke?"));
    assertEquals("who spoke in ?", SlackText.question("who spoke in <#C0123ABCD|hostage-talks>? <#C0456>"));
    assertEquals("who spoke?", SlackText.question("<!subteam^S0123ABC|@editors> who spoke?"));
    assertEquals("what happened on Nov 6, 2023?",
        SlackText.question("what happened on <!date^1699257600^{date_short}|Nov 6, 2023>?"), "a date reads as its reader sees it");
    assertEquals("what happened ?", SlackText.question("what happened<!date^1699257600^{date}>?"));
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
