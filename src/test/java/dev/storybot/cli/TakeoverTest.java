package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.config.Config;
import dev.storybot.config.DatabaseSettings;
import dev.storybot.postgres.Database;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.PostgresInstalled;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import dev.storybot.testing.SlackClient;
import dev.storybot.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * No question lost: of two `serve` processes on one PostgreSQL, one killed with SIGKILL after acknowledging a question
 * (its answer made and held on the wire by its Slack stub; Slack's retry of the event sent to the other meanwhile)
 * leaves it to the other, which sends that answer once, within a minute; and what a replica finds left by a dead one
 * it answers again, or tells the asker it is too late.
 */
@ExtendWith(PostgresInstalled.class)
class TakeoverTest {

  private static final Pattern LISTENING = Pattern.compile("Listening on port (\\d+)");
  @TempDir Path temp;

  @Test
  void aServeKilledAfterAcknowledgingLeavesItsQuestionToTheOtherReplicaWhichAnswersOnce() throws Exception {
    String url = TestDatabases.fresh();
    Path stories = Fixtures.folder(temp.resolve("stories"));
    Process a = null;
    Process b = null;
    try (SlackApiStub slackOfA = SlackApiStub.start(); SlackApiStub slackOfB = SlackApiStub.start()) {
      SlackApiStub.Hold held = slackOfA.hold("chat.postMessage");
      a = serve(url, stories, slackOfA, "a");
      b = serve(url, stories, slackOfB, "b");
      SlackClient toA = client(slackOfA, port(a, "a"));
      SlackClient toB = client(slackOfB, port(b, "b"));
      String body = Payloads.render("event_app_mention.json", Map.of("EVENT_ID", "EvKilled", "TS", "1700009500.000100",
          "CHANNEL", SlackClient.CHANNEL, "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> How much will the bridge cost?"));
      assertEquals(200, toA.post(body, "application/json", SlackClient.now(), Map.of()).statusCode());
      held.awaitArrival();  // answered: the reply is in the database and on its way to Slack
      // Slack's retry of the event, come to B while A is still at it: B leaves it to A.
      assertEquals(200, toB.post(body, "application/json", SlackClient.now() + 1, Map.of("X-Slack-Retry-Num", "1",
          "X-Slack-Retry-Reason", "http_timeout")).statusCode());
      a.destroyForcibly();  // SIGKILL: no shutdown hook, no hand-over
      assertTrue(a.waitFor(30, TimeUnit.SECONDS));
      long killed = System.nanoTime();
      SlackApiStub.Call answer = slackOfB.awaitMatching("chat.postMessage",
          c -> "1700009500.000100".equals(c.params().get("thread_ts")), Duration.ofSeconds(60));
      System.out.printf("takeover: the killed replica's answer went out %.1f s after the kill%n",
          (System.nanoTime() - killed) / 1e9);
      assertTrue(answer.params().get("text").contains("million"), answer.params().get("text"));

      // B answers in order (one answering thread): its answer to a later question proves no second copy is coming.
      assertEquals(200, toB.mention("EvAfter", "1700009500.000300", "When does the rooftop garden close?").statusCode());
      slackOfB.await("chat.postMessage", 2, Duration.ofSeconds(20));
      assertEquals(1, slackOfB.calls("chat.postMessage").stream()
          .filter(c -> "1700009500.000100".equals(c.params().get("thread_ts"))).count(), "once");
      awaitNothingOwed(url);
      held.release();
    } finally {
      for (Process p : new Process[] {a, b}) {
        if (p != null) {
          p.destroy();
          if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
      }
    }
  }

  @Test
  void aQuestionLeftUnansweredIsAnsweredAndOneTooOldIsToldToAskAgain() throws Exception {
    String url = TestDatabases.fresh();
    Database.forCommand(new DatabaseSettings(url, null, null)).close();  // the schema, as any replica creates it
    leftByADeadReplica(url, "EvFresh", "1700009600.000100", "What did the repairs cost?", Instant.now());
    leftByADeadReplica(url, "EvOld", "1700009600.000300", "What did the repairs cost?",
        Instant.now().minus(Duration.ofMinutes(20)));
    try (SlackBot b = SlackBot.builder().database(url).start()) {
      List<SlackApiStub.Call> posts = b.stub().await("chat.postMessage", 2, Duration.ofSeconds(20));
      String fresh = text(posts, "1700009600.000100");
      assertTrue(fresh.contains("million"), "answered: " + fresh);
      String old = text(posts, "1700009600.000300");
      assertTrue(old.startsWith("Sorry, I was restarted"), "told, not answered 20 minutes late: " + old);
      b.mention("EvAfter", "1700009600.000500", "When does the rooftop garden close?");
      assertEquals(3, b.stub().await("chat.postMessage", 3, Duration.ofSeconds(20)).size());
      awaitNothingOwed(url);
    }
  }

  private static String text(List<SlackApiStub.Call> posts, String thread) {
    return posts.stream().filter(c -> thread.equals(c.params().get("thread_ts"))).map(c -> c.params().get("text"))
        .findFirst().orElseThrow(() -> new AssertionError("nothing in thread " + thread));
  }

  // The row a replica writes when it acknowledges a mention, owned by a replica that is no more.
  private static void leftByADeadReplica(String url, String id, String ts, String question, Instant at) throws Exception {
    try (Connection c = DriverManager.getConnection(url); PreparedStatement p = c.prepareStatement(
        "INSERT INTO storybot_pending (id, owner, kind, ask, destination, channel, thread_ts, asker, accepted_at)"
            + " VALUES (?, 'gone-1', 'app_mention', ?, 'conversation', ?, ?, 'U0000ASKER', ?)")) {
      p.setString(1, id);
      p.setString(2, "{\"q\":\"" + question + "\",\"o\":0}");
      p.setString(3, SlackClient.CHANNEL);
      p.setString(4, ts);
      p.setTimestamp(5, Timestamp.from(at));
      p.executeUpdate();
    }
  }

  // A question's row goes once Slack's answer to its reply is in, just after the stub records the call: poll for it.
  private static void awaitNothingOwed(String url) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int left;
    while ((left = pendingRows(url)) > 0 && System.nanoTime() < end) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    assertEquals(0, left, "questions still owed in storybot_pending");
  }

  private static int pendingRows(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
         ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM storybot_pending")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Process serve(String url, Path stories, SlackApiStub slack, String name) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.storybot.cli.StorybotCommand", "serve");
    Map<String, String> env = pb.environment();
    env.put(Config.SLACK_SIGNING_SECRET, SlackBot.SECRET);
    env.put(Config.SLACK_BOT_TOKEN, SlackBot.TOKEN);
    env.put(Config.PORT, "0");
    env.put(Config.SLACK_API_URL, slack.apiUrl());
    env.put(Config.STORIES_DIR, stories.toString());
    env.put(Config.FEEDBACK_DIR, temp.resolve("feedback-" + name).toString());
    env.put(Config.DATABASE_URL, url);
    pb.redirectErrorStream(true);
    pb.redirectOutput(temp.resolve(name + ".log").toFile());
    return pb.start();
  }

  // Reads the child's log until it says where it listens (polling, with a deadline).
  private int port(Process p, String name) throws IOException {
    Path logFile = temp.resolve(name + ".log");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      String log = Files.readString(logFile);
      Matcher m = LISTENING.matcher(log);
      if (m.find() && log.contains("storybot is answering")) return Integer.parseInt(m.group(1));
      if (!p.isAlive()) throw new AssertionError("serve " + name + " exited: " + log);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    throw new AssertionError("serve " + name + " did not start within 60 s: " + Files.readString(logFile));
  }

  private static SlackClient client(SlackApiStub stub, int port) {
    return new SlackClient(SlackBot.SECRET) {
      @Override
      public SlackApiStub stub() {
        return stub;
      }

      @Override
      public int port() {
        return port;
      }
    };
  }
}
