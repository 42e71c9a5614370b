package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storybot.testing.Payloads;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same request, or the same event re-signed as Slack's retries are, arriving again and again, at once from many
 * threads: acknowledged every time, answered once. The test bot has one worker, so once a later "sentinel"
 * question is answered any second answer to the first would already have been posted.
 */
class ReplayTest {

  private static final int THREADS = 8;
  @RegisterExtension final SlackBot bot = SlackBot.builder().build();
  private ExecutorService pool;

  @BeforeEach
  void start() throws Exception {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stop() throws Exception {
    pool.shutdownNow();
  }

  @Test
  void anExactReplayFromManyThreadsAtOnceIsAnsweredOnce() throws Exception {
    String body = mention("EvReplay1", "1700004000.000100");
    long ts = Instant.now().getEpochSecond();
    List<Integer> statuses = all(40, i -> send(body, ts, Map.of()));
    assertEquals(List.of(200), statuses.stream().distinct().toList(), "every copy is acknowledged");
    assertAnsweredOnceBeforeTheSentinel();
  }

  @Test
  void reSignedRedeliveriesWithAndWithoutRetryHeadersAreAnsweredOnce() throws Exception {
    String body = mention("EvReplay2", "1700004000.000200");
    long now = Instant.now().getEpochSecond();
    // Each copy has its own timestamp, hence its own signature, as Slack's retries do: only event_id ties them.
    List<Integer> statuses = all(24, i -> send(body, now - i,
        i % 2 == 0 ? Map.of() : Map.of("X-Slack-Retry-Num", Integer.toString(1 + i % 3), "X-Slack-Retry-Reason", "http_timeout")));
    assertEquals(List.of(200), statuses.stream().distinct().toList());
    assertAnsweredOnceBeforeTheSentinel();
  }

  @Test
  void aReplayedSlashCommandIsAnsweredOnce() throws Exception {
    String body = Payloads.render("slash_command.form", Map.of("TEXT", "what did the repairs cost?", "CHANNEL",
        SlackBot.CHANNEL, "USER", "U0000ASKER", "RESPONSE_URL", bot.stub().responseUrl("replayed")));
    long ts = Instant.now().getEpochSecond();
    List<Integer> statuses = all(16, i -> bot.post(body, "application/x-www-form-urlencoded", ts, Map.of()).statusCode());
    assertEquals(List.of(200), statuses.stream().distinct().toList());
    bot.command("When does the rooftop garden close?", "sentinel");
    bot.stub().awaitMatching(SlackApiStub.RESPONSE_URL, c -> c.path().endsWith("/sentinel"), Duration.ofSeconds(10));
    assertEquals(1, bot.stub().calls(SlackApiStub.RESPONSE_URL).stream().filter(c -> c.path().endsWith("/replayed")).count());
  }

  private void assertAnsweredOnceBeforeTheSentinel() throws Exception {
    bot.dm("EvReplaySentinel", "1700004000.000900", "When does the rooftop garden close?");
    bot.stub().awaitMatching("chat.postMessage", c -> SlackBot.DM.equals(c.params().get("channel")), Duration.ofSeconds(10));
    assertEquals(1, bot.stub().calls("chat.postMessage").stream()
        .filter(c -> SlackBot.CHANNEL.equals(c.params().get("channel"))).count(), "one answer in the channel");
    assertEquals(1, bot.stub().calls("reactions.add").size(), "one :eyes:");
  }

  private static String mention(String eventId, String ts) {
    return Payloads.render("event_app_mention.json", Map.of("EVENT_ID", eventId, "TS", ts, "CHANNEL", SlackBot.CHANNEL,
        "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> what did the repairs cost?"));
  }

  private int send(String body, long ts, Map<String, String> headers) throws Exception {
    return bot.post(body, "application/json", ts, headers).statusCode();
  }

  /** Runs {@code n} sends on {@link #THREADS} threads released together, and returns their statuses. */
  private List<Integer> all(int n, Send send) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      Callable<Integer> task = () -> {
        go.await();
        return send.run(k);
      };
      futures.add(pool.submit(task));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : futures) statuses.add(f.get());
    return statuses;
  }

  @FunctionalInterface
  private interface Send {
    int run(int i) throws Exception;
  }
}
