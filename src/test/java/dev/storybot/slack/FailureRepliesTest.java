package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.StoryIndex;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.Shelf;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Never silent when addressed: not-found, our own faults and Slack's rate limits all end in a reply. */
class FailureRepliesTest {

  @TempDir Path stories;

  @Test
  void unanswerableQuestionGetsAPoliteNotFound() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      bot.mention("EvNF1", "1700000800.000800", "what is the price of bananas in Peru?");
      SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
      assertTrue(post.params().get("text").startsWith(ReplyRenderer.NOT_FOUND), post.params().get("text"));
      assertEquals("1700000800.000800", post.params().get("thread_ts"));
    }
  }

  @Test
  void internalErrorGetsAShortPoliteReplyAndNoStackTrace() throws Exception {
    // A shelf that lists and counts, but whose every search fails.
    Shelf real = new LuceneShelf(StoryIndex.inMemory(Fixtures.stories(stories)));
    Shelf broken = new Shelf() {
      @Override
      public Snapshot snapshot() {
        Snapshot s = real.snapshot();
        return (Snapshot) java.lang.reflect.Proxy.newProxyInstance(Snapshot.class.getClassLoader(),
            new Class<?>[] {Snapshot.class}, (proxy, method, args) -> {
              if (method.getName().equals("search")) throw new IllegalStateException("index file corrupt at segment _3");
              return method.invoke(s, args);
            });
      }

      @Override
      public void close() {
        real.close();
      }
    };
    try (SlackBot bot = SlackBot.builder().shelf(broken).start()) {
      bot.mention("EvErr1", "1700000900.000900", "what did the repairs cost?");
      bot.command("what did the repairs cost?", "err");
      List<String> replies = List.of(bot.stub().awaitOne("chat.postMessage").params().get("text"),
          bot.reply("err").path("text").asText());
      for (String text : replies) {
        assertEquals(ReplyRenderer.ERROR, text);
        assertFalse(text.contains("Exception") || text.contains("corrupt"), text);
      }
      bot.stub().awaitOne("reactions.remove");  // the :eyes: come off even after a failure
      assertEquals(1, bot.stub().calls("reactions.remove").size());
    }
  }

  @Test
  void rateLimitedPostIsRetriedAfterRetryAfterAndTheAnswerArrives() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      bot.stub().failNext("chat.postMessage", 1, 429, Map.of("Retry-After", "1"));
      bot.mention("Ev429", "1700001000.000100", "How many cables did the engineers replace?");

      SlackApiStub.Call post = bot.stub().await("chat.postMessage", 1, Duration.ofSeconds(10)).get(0);
      assertTrue(post.params().get("text").contains("forty steel cables"));
      List<Integer> statuses = bot.stub().calls("chat.postMessage").stream().map(SlackApiStub.Call::status).toList();
      assertEquals(List.of(429, 200), statuses);
      assertEquals(0, bot.gaveUp());
    }
  }

  @Test
  void aRateLimitHoldsBackTheChannelsOtherPostsTooAndAllArriveAfterIt() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      // The first answer's post fails (retry in ~100 ms); the second's is rate limited for 2 s, which holds the
      // first back too: nothing is on the wire then, and only the timer can send them when the pause is over.
      bot.stub().failNext("chat.postMessage", 1, 500, Map.of());
      bot.stub().failNext("chat.postMessage", 1, 429, Map.of("Retry-After", "2"));
      bot.mention("EvPauseA", "1700001200.000100", "How many cables did the engineers replace?");
      bot.mention("EvPauseB", "1700001200.000200", "What did the repairs cost?");

      List<SlackApiStub.Call> posts = bot.stub().await("chat.postMessage", 2, Duration.ofSeconds(20));
      assertEquals(List.of("1700001200.000100", "1700001200.000200"),
          posts.stream().map(c -> c.params().get("thread_ts")).sorted().toList());
      assertEquals(List.of(500, 429, 200, 200),
          bot.stub().calls("chat.postMessage").stream().map(SlackApiStub.Call::status).toList());
    }
  }

  @Test
  void serverErrorsOnResponseUrlAreRetriedWithBackoff() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      bot.stub().failNext(SlackApiStub.RESPONSE_URL, 2, 503, Map.of());
      bot.command("What did the repairs cost?", "flaky");
      bot.stub().awaitOne(SlackApiStub.RESPONSE_URL);
      List<Integer> statuses = bot.stub().calls(SlackApiStub.RESPONSE_URL).stream().map(SlackApiStub.Call::status).toList();
      assertEquals(List.of(503, 503, 200), statuses);
    }
  }

  @Test
  void persistentFailureIsRetriedUntilItsTimeIsUpThenGivenUpAndCounted() throws Exception {
    // Replies may go out for 2 s after the question; retries from 100 ms, at most 400 ms apart.
    DeliveryPolicy brief = new DeliveryPolicy(1, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(400),
        Duration.ofSeconds(2), 5, Duration.ofSeconds(1), Duration.ofSeconds(1));
    try (SlackBot bot = SlackBot.builder().tuning(new StorybotApp.Tuning(1, 50, Duration.ofSeconds(30), 100, brief))
        .start()) {
      bot.stub().failNext("chat.postMessage", 1_000, 500, Map.of());
      bot.mention("Ev500", "1700001100.000100", "What did the repairs cost?");
      bot.stub().awaitOne("reactions.remove");  // taken off once the reply is given up
      assertTrue(bot.stub().calls("chat.postMessage").size() >= 3, "retried: " + bot.stub().calls("chat.postMessage"));
      assertEquals(1, bot.gaveUp());
    }
  }
}
