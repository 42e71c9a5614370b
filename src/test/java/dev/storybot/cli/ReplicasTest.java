package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.config.Config;
import dev.storybot.config.RateLimits;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.PostgresInstalled;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import dev.storybot.testing.SlackClient;
import dev.storybot.testing.TestDatabases;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * Two bots — each the whole of `serve` as the composition root builds it, on its own port with its own Slack stub —
 * sharing one PostgreSQL (DATABASE_URL), with Slack's requests signed and spread between them as a load balancer
 * would: they answer as one bot.
 */
@ExtendWith(PostgresInstalled.class)
class ReplicasTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private String url;
  private SlackBot a;
  private SlackBot b;

  @BeforeEach
  void start() throws Exception {
    url = TestDatabases.fresh();
    a = SlackBot.builder().database(url).rateLimits(new RateLimits(3, 1_000)).start();
    b = SlackBot.builder().database(url).rateLimits(new RateLimits(3, 1_000)).start();
  }

  @AfterEach
  void stop() {
    Stream.of(a, b).filter(java.util.Objects::nonNull).forEach(SlackBot::close);
  }

  @Test
  void theSameEventReachingBothReplicasIsAnsweredOnce() throws Exception {
    String body = Payloads.render("event_app_mention.json", Map.of("EVENT_ID", "EvTwice", "TS", "1700009000.000100",
        "CHANNEL", SlackClient.CHANNEL, "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> How much will the bridge cost?"));
    assertEquals(200, a.post(body, "application/json", SlackClient.now(), Map.of()).statusCode());
    // Slack's retry, signed anew, lands on the other replica; so does a byte-for-byte replay of the first delivery.
    assertEquals(200, b.post(body, "application/json", SlackClient.now() + 1, Map.of("X-Slack-Retry-Num", "1",
        "X-Slack-Retry-Reason", "http_timeout")).statusCode());
    a.stub().awaitOne("chat.postMessage");
    // B answers in order (one answering thread): its answer to a later question proves it did not answer the first.
    b.mention("EvLater", "1700009000.000300", "When does the rooftop garden close?");
    b.stub().awaitOne("chat.postMessage");
    assertEquals(1, a.stub().calls("chat.postMessage").size());
    assertEquals(1, b.stub().calls("chat.postMessage").size());
    assertTrue(b.stub().calls("chat.postMessage").get(0).params().get("text").toLowerCase().contains("garden"));
  }

  @Test
  void oneUsersLimitHoldsAcrossBothReplicas() throws Exception {
    for (int i = 0; i < 6; i++) {
      SlackBot to = i % 2 == 0 ? a : b;
      assertEquals(200, to.event("event_message_im.json", Map.of("EVENT_ID", "EvFlood" + i, "TS", "1700006000.00010" + i,
          "CHANNEL", "D0000FLOOD", "USER", "U0000FLOOD", "TEXT", "What did the repairs cost?")).statusCode());
    }
    for (SlackBot bot : List.of(a, b)) {  // someone else's question, answered after all the flood caused
      bot.dm("EvCalm" + bot.port(), "1700006100.000100", "When does the rooftop garden close?");
      bot.stub().awaitMatching("chat.postMessage", c -> SlackClient.DM.equals(c.params().get("channel")), WAIT);
    }
    List<String> flood = Stream.of(a, b).flatMap(bot -> bot.stub().calls("chat.postMessage").stream())
        .filter(c -> "D0000FLOOD".equals(c.params().get("channel"))).map(c -> c.params().get("text")).toList();
    assertEquals(3, flood.stream().filter(t -> t.contains("million")).count(), "3 a minute, whichever replica: " + flood);
    assertEquals(1, flood.stream().filter(t -> t.startsWith("You're asking faster")).count(), "told once: " + flood);
    assertEquals(4, flood.size(), flood.toString());
  }

  @Test
  void aFollowUpOnOneReplicaIsReadWithTheThreadTheOtherAnswered() throws Exception {
    String thread = "1700008000.000100";
    a.mention("EvFu1", thread, "What did Blinken say in Tel Aviv?");
    a.stub().awaitOne("chat.postMessage");
    b.event("event_app_mention_in_thread.json", Map.of("EVENT_ID", "EvFu2", "TS", "1700008000.000300",
        "THREAD_TS", thread, "CHANNEL", SlackClient.CHANNEL, "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> And the hostages?"));
    SlackApiStub.Call followUp = b.stub().awaitOne("chat.postMessage");
    assertEquals(thread, followUp.params().get("thread_ts"));
    assertEquals("Following up on \u201cWhat did Blinken say in Tel Aviv?\u201d",
        Blocks.contexts(followUp.jsonParam("blocks")).get(0));
  }

  @Test
  void everyKindOfQuestionAnsweredLeavesNothingOwed() throws Exception {
    // Three questions: the asker's limit here.
    a.mention("EvOwed1", "1700004000.000100", "How much will the bridge cost?");
    b.dm("EvOwed2", "1700004000.000300", "When does the rooftop garden close?");
    a.command("What did the repairs cost?", "owed3");
    assertTrue(b.command("help", "owed4").body().contains("/story"), "help is in the ack");
    a.stub().awaitOne("chat.postMessage");
    b.stub().awaitOne("chat.postMessage");
    a.reply("owed3");
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int left;
    while ((left = pendingRows()) > 0 && System.nanoTime() < end) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    assertEquals(0, left, "rows left in storybot_pending: " + pendingKinds());
  }

  private int pendingRows() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
         ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM storybot_pending")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private String pendingKinds() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
         ResultSet rs = c.createStatement().executeQuery("SELECT kind, destination, answered_at FROM storybot_pending")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) rows.add(rs.getString(1) + " to " + rs.getString(2) + ", answered " + rs.getString(3));
      return rows.toString();
    }
  }

  @Test
  void storybotFeedbackSeesTheClicksMadeOnBothReplicas() throws Exception {
    a.mention("EvFb1", "1700005000.000100", "How many steel cables did engineers replace?");
    SlackApiStub.Call post = a.stub().awaitOne("chat.postMessage");
    JsonNode blocks = post.jsonParam("blocks");
    JsonNode message = SlackClient.posted(post, "1700005000.000200");
    a.click("feedback_up", Blocks.button(blocks, "feedback_up").path("value").asText(), message, "up");
    b.click("feedback_down", Blocks.button(blocks, "feedback_down").path("value").asText(), message, "down");
    a.reply("up");
    b.reply("down");

    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new FeedbackCommand(Map.of(Config.DATABASE_URL, url)));
    cl.setOut(new java.io.PrintWriter(out, true));
    assertEquals(ExitCodes.OK, cl.execute());
    assertTrue(out.toString().startsWith("2 clicks: 1 👍, 1 👎"), out.toString());
    assertTrue(out.toString().contains("How many steel cables did engineers replace?"), out.toString());
  }
}
