package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.testing.LogCapture;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.Scrape;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import dev.storybot.testing.SlackSigner;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Only requests signed by Slack, recently, get through; bad input gets a 4xx, never a 5xx, and no reply. */
class SignatureTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();
  private String body;

  @BeforeEach
  void start() throws Exception {
    body = Payloads.render("event_app_mention.json", Map.of("EVENT_ID", "EvSig", "TS", "1700002000.000100",
        "CHANNEL", SlackBot.CHANNEL, "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> what did the repairs cost?"));
  }

  @Test
  void unsignedRequestIsRejected() throws Exception {
    HttpResponse<String> r = bot.send(bot.request(StorybotServer.EVENTS_PATH)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(401, r.statusCode());
  }

  @Test
  void requestSignedWithAnotherSecretIsRejected() throws Exception {
    long ts = Instant.now().getEpochSecond();
    HttpResponse<String> r = bot.send(bot.request(StorybotServer.EVENTS_PATH)
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", Long.toString(ts))
        .header("X-Slack-Signature", new SlackSigner("not-the-secret").sign(ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(401, r.statusCode());
  }

  @Test
  void aWrongSigningSecretIsLoggedOnceWithWhatToCheckAndCountedEveryTime() throws Exception {
    try (LogCapture log = LogCapture.start()) {
      for (int i = 0; i < 3; i++) {
        long ts = Instant.now().getEpochSecond();
        HttpResponse<String> r = bot.send(bot.request(StorybotServer.EVENTS_PATH)
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", Long.toString(ts))
            .header("X-Slack-Signature", new SlackSigner("the-other-app-secret").sign(ts, body + i))
            .POST(HttpRequest.BodyPublishers.ofString(body + i)));
        assertEquals(401, r.statusCode());
      }
      List<String> warnings = log.lines().stream().filter(l -> l.startsWith("WARN ")).toList();
      assertEquals(1, warnings.size(), "rate-limited: " + warnings);
      assertTrue(warnings.get(0).contains("does not match SLACK_SIGNING_SECRET") && warnings.get(0).contains("Signing Secret"),
          warnings.get(0));
      for (String secret : List.of(SlackBot.SECRET, "the-other-app-secret", "v0=")) {
        assertFalse(log.text().contains(secret), "never logged: " + secret);
      }
    }
    Scrape m = new Scrape(bot.get(StorybotServer.METRICS_PATH).body());
    assertEquals(3, m.sum("storybot_slack_requests_refused_total", "reason", "bad_signature"));
  }

  @Test
  void aStaleTimestampIsLoggedWithHowFarOffTheClockIs() throws Exception {
    try (LogCapture log = LogCapture.start()) {
      long sevenMinutesAgo = Instant.now().minusSeconds(7 * 60).getEpochSecond();
      assertEquals(401, bot.post(body, "application/json", sevenMinutesAgo, Map.of()).statusCode());
      String warning = log.lines().stream().filter(l -> l.startsWith("WARN ")).findFirst().orElseThrow();
      assertTrue(warning.contains("check the clock") && warning.matches("(?s).*timestamp is 4[23]\\d s behind.*"), warning);
    }
    Scrape m = new Scrape(bot.get(StorybotServer.METRICS_PATH).body());
    assertEquals(1, m.sum("storybot_slack_requests_refused_total", "reason", "stale_timestamp"));
  }

  @Test
  void correctlySignedButStaleRequestIsRejected() throws Exception {
    long sixMinutesAgo = Instant.now().minusSeconds(6 * 60).getEpochSecond();
    assertEquals(401, bot.post(body, "application/json", sixMinutesAgo, Map.of()).statusCode());
  }

  @Test
  void rejectedRequestsAreNeverAnswered() throws Exception {
    bot.post(body, "application/json", Instant.now().minusSeconds(600).getEpochSecond(), Map.of());
    bot.dm("EvSigSentinel", "1700002000.000200", "When does the rooftop garden close?");
    bot.stub().awaitOne("chat.postMessage");
    assertEquals(1, bot.stub().calls("chat.postMessage").size());
    assertEquals(SlackBot.DM, bot.stub().calls("chat.postMessage").get(0).params().get("channel"));
  }

  @Test
  void signedGarbageIsABadRequest() throws Exception {
    int status = bot.post("this is not slack", "application/json", Instant.now().getEpochSecond(), Map.of()).statusCode();
    assertTrue(status >= 400 && status < 500, "got " + status);
  }

  @Test
  void oversizedBodyIsRefusedBeforeItIsRead() throws Exception {
    String huge = "x".repeat((int) StorybotServer.MAX_REQUEST_BYTES + 1);
    HttpResponse<String> r = bot.post(huge, "application/json", Instant.now().getEpochSecond(), Map.of());
    assertEquals(413, r.statusCode());
  }

  @Test
  void getOnTheEventsPathIsNotAllowed() throws Exception {
    assertEquals(405, bot.send(bot.request(StorybotServer.EVENTS_PATH).GET()).statusCode());
  }
}
