package dev.storybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import dev.storybot.answer.Question;
import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.config.RateLimits;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.Shelf;
import dev.storybot.slack.SlackText;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import dev.storybot.testing.TestMeaning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One question path (issue 11): a table of questions — plain, filtered, filters matching nothing, bad filters,
 * misspelt, off-topic, follow-ups — asked through the answer path `ask` uses and through signed Slack requests to the
 * real bot, must show the same quotes, attributions and notices.
 */
class SameAnswerEverywhereTest {

  // One asker asks the whole table in a few seconds: the flood control out of the way.
  @RegisterExtension final SlackBot bot = SlackBot.builder().rateLimits(new RateLimits(1_000, 1_000)).build();

  /** A question, and the thread question it follows up on (or null). */
  private record Asked(String text, String context) {}

  private static final List<Asked> TABLE = List.of(
      new Asked("How many cables did the engineers replace?", null),
      new Asked("What did Blinken say in Tel Aviv?", null),
      new Asked("Who is mediating the hostage talks?", null),
      new Asked("When does the ferry leave?", null),
      new Asked("What did the mayor say about the bridge?", null),
      new Asked("What happened at the fish market?", null),
      new Asked("Why did the library close?", null),
      new Asked("source:Reuters what about the hostages?", null),
      new Asked("source:CNN what did Blinken say?", null),
      new Asked("after:2023-11-05 And the hostages?", null),
      new Asked("in:\"hostage talks\" who spoke for Qatar?", null),
      new Asked("source:Nowhere who said it?", null),
      new Asked("after:2030-01-01 what happened?", null),
      new Asked("before:soon what happened?", null),
      new Asked("source:CNN", null),
      new Asked("How many cabels did the enginers replace?", null),
      new Asked("Who mediats the hostage tallks?", null),
      new Asked("What is the capital of France?", null),
      new Asked("How old is the Pope?", null),
      new Asked("And the hostages?", "What did Blinken say in Tel Aviv?"),
      new Asked("What about the cost?", "How many cables did the engineers replace?"),
      new Asked("And when?", "When does the ferry leave?"));

  @Test
  void everyQuestionShowsTheSameQuotesAttributionsAndNoticesInAskAndInSlack() throws Exception {
    try (Shelf shelf = new LuceneShelf(TestMeaning.index(bot.stories()))) {
      ShelfAnswerer ask = new ShelfAnswerer(shelf, TestMeaning.shared().embedder());
      int n = 0;
      int answered = 0;
      int declined = 0;
      int problems = 0;
      for (Asked q : TABLE) {
        n++;
        Answer expected = ask.answer(new Question(q.text(), q.context(), List.of(), 0, Question.DEFAULT_LIMIT));
        JsonNode blocks = slack(q, n);
        String where = q + "\n  ask:   " + expected + "\n  slack: " + blocks;
        if (expected.problem() != null) {
          assertEquals(SlackText.escape(expected.problem()), Blocks.sections(blocks).get(Blocks.sections(blocks).size() - 1),
              where);
          problems++;
          continue;
        }
        if (expected.note() != null) {
          assertTrue(Blocks.contexts(blocks).stream().anyMatch(c -> c.contains(SlackText.escape(expected.note()))),
              "the note: " + where);
        }
        List<String> quotes = Blocks.quotes(blocks);
        if (!expected.answered()) {
          assertTrue(quotes.isEmpty(), where);
          for (String h : expected.nearest()) {
            assertTrue(Blocks.sections(blocks).stream().anyMatch(s -> s.contains(SlackText.escape(h))), where);
          }
          declined++;
          continue;
        }
        answered++;
        assertEquals(expected.excerpts().size(), quotes.size(), where);
        List<String> lines = new ArrayList<>(Blocks.contexts(blocks));
        for (int i = 0; i < quotes.size(); i++) {
          Excerpt e = expected.excerpts().get(i);
          assertEquals(e.text(), quotes.get(i), where);
          String title = "*" + SlackText.escape(e.title()) + "*";
          assertTrue(lines.stream().anyMatch(l -> l.contains(title) && l.contains("¶" + e.paragraph())
              && e.unnamedSpeakers().stream().allMatch(l::contains)), "attribution of " + e + ": " + where);
        }
      }
      // The table covers every kind of reply, so that no branch above is compared on nothing.
      assertTrue(answered >= 10 && declined >= 2 && problems >= 4,
          answered + " answered, " + declined + " declined, " + problems + " problems");
    }
  }

  // The question through Slack: `/story` for a fresh one; a follow-up as a mention in the thread of an earlier one.
  private JsonNode slack(Asked q, int n) throws Exception {
    if (q.context() == null) {
      bot.command(q.text(), "q" + n);
      return bot.reply("q" + n).path("blocks");
    }
    String ts = "17000" + (10000 + n) + ".000100";
    int before = bot.stub().calls("chat.postMessage").size();
    bot.mention("EvTable" + n + "a", ts, q.context());
    bot.stub().await("chat.postMessage", before + 1, java.time.Duration.ofSeconds(10));
    bot.event("event_app_mention_in_thread.json", java.util.Map.of("EVENT_ID", "EvTable" + n + "b",
        "TS", "17000" + (10000 + n) + ".000200", "THREAD_TS", ts, "CHANNEL", SlackBot.CHANNEL,
        "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> " + q.text()));
    SlackApiStub.Call reply = bot.stub().await("chat.postMessage", before + 2, java.time.Duration.ofSeconds(10))
        .get(before + 1);
    return reply.jsonParam("blocks");
  }
}
