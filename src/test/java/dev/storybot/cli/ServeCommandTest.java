package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `storybot serve` as a user runs it: environment in, a clear error or a running bot out. */
class ServeCommandTest {

  private static final String TOKEN = "xoxb-serve-test-token";
  @TempDir Path dir;
  private SlackApiStub stub;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startStub() {
    stub = SlackApiStub.start();
  }

  @AfterEach
  void stopStub() {
    stub.close();
  }

  private Map<String, String> env(String... more) {
    Map<String, String> env = new HashMap<>(Map.of(Config.SLACK_SIGNING_SECRET, "serve-secret",
        Config.SLACK_BOT_TOKEN, TOKEN, Config.PORT, "0", Config.SLACK_API_URL, stub.apiUrl()));
    for (int i = 0; i < more.length; i += 2) {
      if (more[i + 1] == null) env.remove(more[i]);
      else env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private int run(ServeCommand serve) {
    CommandLine cl = new CommandLine(serve);
    cl.setExecutionExceptionHandler(new ExitCodes.UserErrorHandler());
    cl.setErr(new PrintWriter(err, true));
    return cl.execute();
  }

  @Test
  void missingSigningSecretIsAUserErrorNamingTheVariable() {
    assertEquals(ExitCodes.USER_ERROR, run(new ServeCommand(env(Config.SLACK_SIGNING_SECRET, null))));
    assertTrue(err.toString().contains("SLACK_SIGNING_SECRET is not set"), err.toString());
    assertFalse(err.toString().contains("at dev.storybot"), "no stack trace for a user error");
  }

  @Test
  void rejectedTokenFailsAtStartWithAClearMessage() {
    stub.answer("auth.test", "{\"ok\":false,\"error\":\"invalid_auth\"}");
    assertEquals(ExitCodes.USER_ERROR, run(new ServeCommand(env())));
    assertTrue(err.toString().contains("SLACK_BOT_TOKEN") && err.toString().contains("invalid_auth"), err.toString());
    assertFalse(err.toString().contains(TOKEN), "the token itself is never printed");
  }

  @Test
  void missingStoriesFolderIsAUserError() {
    Path missing = dir.resolve("nope");
    assertEquals(ExitCodes.USER_ERROR, run(new ServeCommand(env(Config.STORIES_DIR, missing.toString()))));
    assertTrue(err.toString().contains("STORIES_DIR=" + missing), err.toString());
  }

  @Test
  void folderWithoutAnIndexIsAUserError() {
    assertEquals(ExitCodes.USER_ERROR, run(new ServeCommand(env(Config.INDEX_DIR, dir.toString()))));
    assertTrue(err.toString().contains("INDEX_DIR"), err.toString());
  }

  @Test
  void servesStoriesFromAFolderAnswersADmAndStopsGracefully() throws Exception {
    Path stories = dir.resolve("stories");
    java.nio.file.Files.createDirectories(stories);
    int storyCount = Fixtures.stories(stories).size();
    ServeCommand serve = new ServeCommand(env(Config.STORIES_DIR, stories.toString()));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(serve));
    try {
      int port = serve.awaitStarted(60, TimeUnit.SECONDS);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(storyCount, new ObjectMapper().readTree(health.body()).path("stories").asInt());

      String body = Payloads.render("event_message_im.json", Map.of("EVENT_ID", "EvServe", "TS", "1700003000.000100",
          "CHANNEL", "D0000SERVE", "USER", "U0000ASKER", "TEXT", "How many cables did the engineers replace?"));
      long ts = Instant.now().getEpochSecond();
      HttpResponse<String> ack = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
          .header("Content-Type", "application/json")
          .header("X-Slack-Request-Timestamp", Long.toString(ts))
          .header("X-Slack-Signature", new SlackSigner("serve-secret").sign(ts, body))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ack.statusCode());
      assertTrue(stub.awaitOne("chat.postMessage").params().get("text").contains("forty steel cables"));
      assertEquals("auth.test", stub.calls().get(0).method(), "the token was checked at start");
      assertEquals(1, stub.calls("auth.test").size(), "and never again on a request's ack path");
    } finally {
      serve.stop();
    }
    assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
  }
}
