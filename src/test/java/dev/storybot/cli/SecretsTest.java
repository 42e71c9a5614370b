package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.config.Config;
import dev.storybot.server.StorybotServer;
import dev.storybot.testing.LogCapture;
import dev.storybot.testing.SlackApiStub;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signing secret and the bot token never show: not in the log of a whole run (start, a question and its answer,
 * an unsigned request carrying the token in its body, a stop), not in /healthz or /metrics, not in any reply or
 * error body, and not in the message of a configuration error.
 */
class SecretsTest {

  @Test
  void noSecretInLogsRepliesHealthMetricsOrErrorsOverAWholeRun() throws Exception {
    List<String> seen = new ArrayList<>();
    try (LogCapture log = LogCapture.start(); SlackApiStub stub = SlackApiStub.start()) {
      try (ServeRun run = new ServeRun(stub)) {
        assertEquals(200, run.command("How much will the harbor bridge cost?", "q1").statusCode());
        seen.add(run.reply("q1").toString());
        for (String path : List.of("/healthz", "/metrics")) {
          HttpResponse<String> r = run.get(path);
          assertEquals(200, r.statusCode(), path);
          seen.add(r.body());
          seen.add(r.headers().map().toString());
        }
        HttpResponse<String> unsigned = run.send(run.request(StorybotServer.EVENTS_PATH)
            .POST(HttpRequest.BodyPublishers.ofString("token=" + ServeRun.TOKEN)));
        assertEquals(401, unsigned.statusCode());
        seen.add(unsigned.body());
        assertEquals(ExitCodes.OK, run.stop());
        seen.add(run.err());
      }
      seen.addAll(log.lines());
      assertTrue(log.text().contains("Starting with Config["), "the start-up line, with its settings, was captured");
    }
    for (String text : seen) {
      assertFalse(text.contains(ServeRun.SECRET), "signing secret in: " + text);
      assertFalse(text.contains(ServeRun.TOKEN), "bot token in: " + text);
    }
  }

  @Test
  void aConfigurationErrorNamesTheVariableNotTheSecrets() {
    Map<String, String> env = new HashMap<>(Map.of(Config.SLACK_SIGNING_SECRET, "cfg-secret-value",
        Config.SLACK_BOT_TOKEN, "xoxb-cfg-token-value", Config.PORT, "eighty"));
    StringWriter err = new StringWriter();
    try (LogCapture log = LogCapture.start()) {
      assertEquals(ExitCodes.USER_ERROR, ServeRun.commandLine(new ServeCommand(env), err).execute());
      String all = err + log.text();
      assertTrue(err.toString().contains("PORT must be a port number"), err.toString());
      assertFalse(all.contains("cfg-secret-value") || all.contains("xoxb-cfg-token-value"), all);
    }
  }
}
