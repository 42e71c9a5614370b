package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `storybot serve` as a user runs it: environment in, a clear error or a running bot out. */
class ServeCommandTest {

  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();
  @TempDir Path dir;

  @Test
  void missingSigningSecretIsAUserErrorNamingTheVariable() {
    ServeRunFailure run = ServeRunFailure.of(stub, Config.SLACK_SIGNING_SECRET, null);
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("SLACK_SIGNING_SECRET is not set"), run.err());
    assertFalse(run.err().contains("at dev.storybot"), "no stack trace for a user error");
  }

  @Test
  void rejectedTokenFailsAtStartWithAClearMessage() {
    stub.answer("auth.test", "{\"ok\":false,\"error\":\"invalid_auth\"}");
    ServeRunFailure run = ServeRunFailure.of(stub);
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("SLACK_BOT_TOKEN") && run.err().contains("invalid_auth"), run.err());
    assertFalse(run.err().contains(ServeRun.TOKEN), "the token itself is never printed");
  }

  @Test
  void missingStoriesFolderIsAUserError() {
    Path missing = dir.resolve("nope");
    ServeRunFailure run = ServeRunFailure.of(stub, Config.STORIES_DIR, missing.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("STORIES_DIR=" + missing), run.err());
  }

  @Test
  void folderWithoutAnIndexIsAUserError() {
    ServeRunFailure run = ServeRunFailure.of(stub, Config.INDEX_DIR, dir.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("INDEX_DIR"), run.err());
  }

  @Test
  void anUnreachableDatabaseStopsServeAtStartNamingItButNotItsPassword() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();  // nothing listens there once it is closed
    }
    ServeRunFailure run = ServeRunFailure.of(stub, Config.DATABASE_URL,
        "jdbc:postgresql://127.0.0.1:" + closed + "/storybot?user=storybot&password=pw-s3cret");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("DATABASE_URL=jdbc:postgresql://127.0.0.1:" + closed + "/storybot"), run.err());
    assertTrue(run.err().contains("refused"), "says why: " + run.err());
    assertFalse(run.err().contains("pw-s3cret"), run.err());
    assertFalse(run.err().contains("at dev.storybot"), "no stack trace for a user error");
  }

  @Test
  void aDatabaseUrlThatIsNoPostgresJdbcUrlIsAUserErrorSayingWhatToWrite() {
    ServeRunFailure run = ServeRunFailure.of(stub, Config.DATABASE_URL, "postgres://storybot:pw-s3cret@db/storybot");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("DATABASE_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://"), run.err());
    assertFalse(run.err().contains("pw-s3cret"), run.err());
  }

  @Test
  void servesStoriesFromAFolderAnswersADmAndStopsGracefully() throws Exception {
    int storyCount = Fixtures.stories(dir.resolve("stories")).size();
    try (ServeRun run = new ServeRun(stub, Config.STORIES_DIR, dir.resolve("stories").toString())) {
      assertEquals(storyCount, run.health().path("stories").asInt());
      assertEquals(200, run.dm("EvServe", "1700003000.000100", "How many cables did the engineers replace?").statusCode());
      assertTrue(stub.awaitOne("chat.postMessage").params().get("text").contains("forty steel cables"));
      assertEquals("auth.test", stub.calls().get(0).method(), "the token was checked at start");
      assertEquals(1, stub.calls("auth.test").size(), "and never again on a request's ack path");
      assertEquals(ExitCodes.OK, run.stop());
    }
  }

  @Test
  void everyProblemWithTheSettingsIsNamedAtOnceBeforeSlackIsAsked() throws Exception {
    Path channels = Files.writeString(dir.resolve("channels.yml"), "channels:\n  C0123ABCD:\n    ephemral: true\n");
    Path missing = dir.resolve("nope");
    ServeRunFailure run = ServeRunFailure.of(stub, Config.SLACK_BOT_TOKEN, null, Config.SLACK_SIGNING_SECRET, null,
        Config.PORT, "http", Config.STORIES_DIR, missing.toString(), Config.CHANNELS_CONFIG, channels.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("storybot: 5 problems with the settings:\n  - "), run.err());
    for (String expected : List.of("PORT must be a port number", "SLACK_BOT_TOKEN is not set",
        "SLACK_SIGNING_SECRET is not set", "STORIES_DIR=" + missing + " does not exist",
        "CHANNELS_CONFIG=" + channels + ": channels.C0123ABCD.ephemral is not a setting: did you mean ephemeral?")) {
      assertTrue(run.err().contains(expected), expected + " in " + run.err());
    }
    assertEquals(List.of(), stub.calls(), "nothing started, Slack not asked");
  }

  @Test
  void socketModeWithoutItsTokenNamesThatTokenAlone() {
    ServeRunFailure run = ServeRunFailure.of(stub, new String[] {"--socket-mode"}, Config.SLACK_SIGNING_SECRET, null);
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().startsWith("storybot: SLACK_APP_TOKEN is not set"), run.err());
    assertFalse(run.err().contains(Config.SLACK_SIGNING_SECRET), run.err());
  }

  @Test
  void anUnreachableSlackIsReportedAsSuchNotAsABadToken() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    ServeRunFailure run = ServeRunFailure.of(stub, Config.SLACK_API_URL, "http://127.0.0.1:" + closed + "/api/");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode(), run.err());
    assertTrue(run.err().contains("cannot reach Slack's Web API at http://127.0.0.1:" + closed + "/api/")
        && run.err().contains("check SLACK_API_URL"), run.err());
    assertFalse(run.err().contains("did not accept"), run.err());
  }

  @Test
  void anApiUrlThatIsNoWebApiIsReportedWithItsHttpStatus() throws Exception {
    // A web server that is not Slack's Web API: every path is 404.
    HttpServer notSlack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    notSlack.createContext("/", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    notSlack.start();
    try {
      ServeRunFailure run = ServeRunFailure.of(stub, Config.SLACK_API_URL,
          "http://127.0.0.1:" + notSlack.getAddress().getPort() + "/");
      assertEquals(ExitCodes.USER_ERROR, run.exitCode(), run.err());
      assertTrue(run.err().contains("answered auth.test with HTTP 404") && run.err().contains("check SLACK_API_URL"),
          run.err());
    } finally {
      notSlack.stop(0);
    }
  }
}
