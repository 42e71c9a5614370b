package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.cli.LogFormatProbe;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Everything logged during a full run of signed requests, at DEBUG and in both formats: one line per request with
 * its kind and timing, and never the signing secret, the bot token, or (at INFO and above) what users asked.
 */
class LogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUESTION = "How many cables did the engineers replace?";
  private static final String UNANSWERED = "Which orchestra played at the harbour gala?";

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Logger root;
  private Level rootLevel;

  @BeforeEach
  void capture() {
    root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.DEBUG);  // as LOG_LEVEL=DEBUG would
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void release() {
    root.detachAppender(captured);
    root.setLevel(rootLevel);
  }

  @Test
  void aFullRunLogsEachRequestOnceAndNoSecretInEitherFormat() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      String unsigned = Payloads.render("event_app_mention.json", Map.of("EVENT_ID", "EvLog0", "TS", "1700000000.000100",
          "CHANNEL", SlackBot.CHANNEL, "TEXT", QUESTION));
      assertEquals(401, bot.send(bot.request(StorybotServer.EVENTS_PATH).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(unsigned))).statusCode());
      bot.stub().failNext("chat.postMessage", 1, 503, Map.of());
      bot.stub().failNext(SlackApiStub.RESPONSE_URL, 1, 404, Map.of());
      assertEquals(200, bot.mention("EvLog1", "1700000001.000100", QUESTION).statusCode());
      assertEquals(200, bot.dm("EvLog2", "1700000002.000100", UNANSWERED).statusCode());
      assertEquals(200, bot.command(QUESTION, "log3").statusCode());
      assertEquals(200, bot.command("help", "log4").statusCode());
      assertEquals(200, bot.share(QUESTION, "U0000SHARER", "log5").statusCode());
      bot.stub().await("chat.postMessage", 2, Duration.ofSeconds(10));
      bot.stub().awaitOne(SlackApiStub.RESPONSE_URL);
      awaitLogged("response_url failed HTTP 404");
    }

    List<ILoggingEvent> events = List.copyOf(captured.list);
    List<String> requestKinds = events.stream().filter(e -> e.getLoggerName().endsWith(".RequestLog"))
        .map(e -> kv(e, "kind")).toList();
    assertEquals(List.of("mention", "dm", "slash_command", "slash_command", "action"), requestKinds);

    List<String> text = encode(LogFormatProbe.encoder("text"), events);
    List<String> json = encode(LogFormatProbe.encoder("json"), events);
    for (List<String> lines : List.of(text, json)) {
      for (String line : lines) {
        assertFalse(line.contains(SlackBot.SECRET), "signing secret logged: " + line);
        assertFalse(line.contains(SlackBot.TOKEN), "bot token logged: " + line);
      }
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).getLevel().isGreaterOrEqual(Level.INFO)) {
        assertFalse(text.get(i).contains("cables") || text.get(i).contains("orchestra"), "question at INFO: " + text.get(i));
      }
    }

    JsonNode request = null;
    for (String line : json) {
      JsonNode node = JSON.readTree(line);  // every line is one JSON object
      if (node.path("loggerName").asText().endsWith(".RequestLog")) request = node;
    }
    assertTrue(request != null && request.path("formattedMessage").asText().contains("action"), String.valueOf(request));
    assertTrue(request.path("kvpList").toString().contains("\"ms\""), request.toString());
  }

  private static String kv(ILoggingEvent e, String key) {
    return e.getKeyValuePairs() == null ? null : e.getKeyValuePairs().stream().filter(p -> p.key.equals(key))
        .map(p -> String.valueOf(p.value)).findFirst().orElse(null);
  }

  private static List<String> encode(Encoder<ILoggingEvent> encoder, List<ILoggingEvent> events) {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : events) out.add(new String(encoder.encode(e), StandardCharsets.UTF_8).strip());
    return out;
  }

  // Worker threads log after the stub has answered: wait for the line, with a deadline.
  private void awaitLogged(String words) {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String[] parts = words.split(" ");
    while (System.nanoTime() < end) {
      synchronized (captured) {
        for (ILoggingEvent e : List.copyOf(captured.list)) {
          String m = e.getFormattedMessage();
          boolean all = true;
          for (String p : parts) all &= m.contains(p);
          if (all) return;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("never logged: " + words);
  }
}
