package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.testing.PostgresInstalled;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import dev.storybot.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bot whose shared database becomes unreachable while it runs: it keeps answering from its own memory, /healthz
 * says "degraded" with the database's error, and once the database takes connections again the next heartbeat brings
 * it back, with nothing left owed.
 */
@ExtendWith(PostgresInstalled.class)
class DatabaseOutageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void whileTheDatabaseIsUnreachableQuestionsAreAnsweredAndHealthSaysSoUntilItIsBack() throws Exception {
    String url = TestDatabases.fresh();
    String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    try (SlackBot bot = SlackBot.builder().database(url).start()) {
      bot.mention("EvUp", "1700009700.000100", "How much will the bridge cost?");
      assertTrue(bot.stub().awaitOne("chat.postMessage").params().get("text").contains("million"));
      assertEquals("ok", health(bot).path("database").path("status").asText());

      connections(name, false);
      try {
        JsonNode down = awaitHealth(bot, h -> "down".equals(h.path("database").path("status").asText()));
        assertEquals("degraded", down.path("status").asText(), down.toString());
        // PostgreSQL's own reason (the database refuses sessions, or ended ours), not the pool's time-out.
        assertTrue(down.path("database").path("error").asText().startsWith("FATAL: "), down.toString());
        assertEquals(200, bot.mention("EvDown", "1700009700.000300", "When does the rooftop garden close?").statusCode());
        SlackApiStub.Call answer = bot.stub().awaitMatching("chat.postMessage",
            c -> "1700009700.000300".equals(c.params().get("thread_ts")), WAIT);
        assertTrue(answer.params().get("text").toLowerCase().contains("garden"), answer.params().get("text"));
      } finally {
        connections(name, true);
      }

      JsonNode back = awaitHealth(bot, h -> "ok".equals(h.path("status").asText()));
      assertEquals("ok", back.path("database").path("status").asText(), back.toString());
      assertEquals(200, bot.mention("EvBack", "1700009700.000500", "What did the repairs cost?").statusCode());
      bot.stub().await("chat.postMessage", 3, WAIT);
      assertEquals(0, pendingRows(url), "nothing owed: the outage's question was never recorded, the others finished");
    }
  }

  // Makes the database refuse new sessions and ends those open (the pool's), as an outage would; or lets them in.
  private static void connections(String database, boolean allowed) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabases.server().jdbcUrl());
         Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allowed);
      if (!allowed) {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
      }
    }
  }

  private static int pendingRows(String url) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
           var rs = s.executeQuery("SELECT count(*) FROM storybot_pending")) {
        rs.next();
        int left = rs.getInt(1);
        // A row goes just after Slack's answer to its reply is recorded by the stub: poll for it.
        if (left == 0 || System.nanoTime() > end) return left;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private static JsonNode health(SlackBot bot) throws Exception {
    return JSON.readTree(bot.get("/healthz").body());
  }

  // The heartbeat (every 2 s) notices the database going and coming back: poll /healthz until it has.
  private static JsonNode awaitHealth(SlackBot bot, Predicate<JsonNode> test) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonNode h = health(bot);
      if (test.test(h)) return h;
      if (System.nanoTime() > end) throw new AssertionError("/healthz never got there within " + WAIT + ": " + h);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }
}
