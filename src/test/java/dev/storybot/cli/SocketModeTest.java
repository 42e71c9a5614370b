package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.Scrape;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SocketModeServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `serve --socket-mode` end to end: apps.connections.open on the Web API stub hands out a local WebSocket server
 * that speaks Slack's envelope protocol; the bot acks each envelope by id and answers through the Web API.
 */
class SocketModeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP_TOKEN = "xapp-1-A0000001-test-app-token";
  private static final String QUESTION = "How many cables did the engineers replace?";
  private static final String QUOTE = "forty steel cables";
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();
  @TempDir Path stories;
  private SocketModeServer slack;

  @BeforeEach
  void start() throws Exception {
    Fixtures.folder(stories);
    slack = SocketModeServer.start(DEADLINE);
    stub.answer("apps.connections.open", "{\"ok\":true,\"url\":\"" + slack.url() + "\"}");
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
  }

  @Test
  void mentionsCommandsAndButtonsArriveAsEnvelopesAndAreAckedAndAnswered() throws Exception {
    try (ServeRun run = new ServeRun(stub, new String[] {"--socket-mode"}, Config.STORIES_DIR, stories.toString(),
        Config.SLACK_APP_TOKEN, APP_TOKEN, Config.SLACK_SIGNING_SECRET, null)) {
      assertTrue(slack.awaitConnection(DEADLINE).startsWith("/link/"), "connected to the URL Slack handed out");
      SlackApiStub.Call open = stub.awaitOne("apps.connections.open");
      assertEquals("Bearer " + APP_TOKEN, open.authorization(), "the connection is opened with the app token");

      String mentionTs = "1700005000.000100";
      slack.sendEnvelope("env-mention", "events_api", JSON.readTree(Payloads.render("event_app_mention.json",
          Map.of("EVENT_ID", "EvSock1", "TS", mentionTs, "CHANNEL", "C0000SOCK",
              "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> " + QUESTION))));
      assertEquals("env-mention", slack.awaitAck("env-mention", DEADLINE).path("envelope_id").asText());
      SlackApiStub.Call posted = stub.awaitOne("chat.postMessage");
      assertEquals("C0000SOCK", posted.params().get("channel"));
      assertEquals(mentionTs, posted.params().get("thread_ts"), "answered in the question's thread");
      assertTrue(posted.params().get("text").contains(QUOTE), posted.params().get("text"));

      slack.sendEnvelope("env-command", "slash_commands", command(QUESTION, stub.responseUrl("sock-cmd")));
      slack.awaitAck("env-command", DEADLINE);
      String reply = run.reply("sock-cmd").toString();
      assertTrue(reply.contains(QUOTE) && reply.contains("ephemeral"), reply);

      slack.sendEnvelope("env-help", "slash_commands", command("help", stub.responseUrl("sock-help")));
      JsonNode usage = slack.awaitAck("env-help", DEADLINE).path("payload");
      assertEquals("ephemeral", usage.path("response_type").asText(), "usage comes back in the ack: " + usage);

      slack.sendEnvelope("env-share", "interactive", JSON.readTree(Payloads.render("block_action_share.json",
          Map.of("VALUE", QUESTION, "USER", "U0000SHARER", "CHANNEL", "C0000SOCK",
              "RESPONSE_URL", stub.responseUrl("sock-share")))));
      slack.awaitAck("env-share", DEADLINE);
      String shared = run.reply("sock-share").toString();
      assertTrue(shared.contains("in_channel") && shared.contains(QUOTE), shared);

      assertEquals(200, run.get("/healthz").statusCode(), "health still served on PORT");
      Scrape m = new Scrape(run.get("/metrics").body());
      assertEquals(1, m.sum("storybot_slack_requests_seconds_count", "kind", "mention", "transport", "socket"));
      assertEquals(2, m.sum("storybot_slack_requests_seconds_count", "kind", "slash_command", "transport", "socket"));
      assertEquals(404, run.get("/slack/events").statusCode(), "no HTTP endpoint for Slack without a signing secret");

      assertEquals(ExitCodes.OK, run.stop());
      assertFalse(slack.clientOpen(), "the socket is closed at stop");
    }
  }

  @Test
  void socketModeWithoutAnAppTokenIsAUserErrorNamingIt() throws Exception {
    ServeRunFailure failure = ServeRunFailure.of(stub, new String[] {"--socket-mode"}, Config.SLACK_APP_TOKEN, null);
    assertEquals(ExitCodes.USER_ERROR, failure.exitCode());
    assertTrue(failure.err().contains("SLACK_APP_TOKEN is not set"), failure.err());
  }

  @Test
  void aRefusedAppTokenIsAUserErrorWithSlacksReason() throws Exception {
    stub.answer("apps.connections.open", "{\"ok\":false,\"error\":\"invalid_auth\"}");
    ServeRunFailure failure = ServeRunFailure.of(stub, new String[] {"--socket-mode"}, Config.SLACK_APP_TOKEN, APP_TOKEN);
    assertEquals(ExitCodes.USER_ERROR, failure.exitCode());
    assertTrue(failure.err().contains("SLACK_APP_TOKEN") && failure.err().contains("invalid_auth"), failure.err());
    assertFalse(failure.err().contains(APP_TOKEN), "the token itself is never printed");
  }

  // A slash command envelope carries the command's form fields as a JSON object.
  private static JsonNode command(String text, String responseUrl) {
    String form = Payloads.render("slash_command.form", Map.of("TEXT", text, "CHANNEL", "C0000SOCK",
        "USER", "U0000ASKER", "RESPONSE_URL", responseUrl));
    return JSON.valueToTree(Payloads.fields(form));
  }
}
