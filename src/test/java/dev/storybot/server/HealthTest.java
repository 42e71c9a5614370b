package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /healthz reports what the index holds, and 503 until it is loaded. */
class HealthTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void healthCountsTheIndexedStoriesAndParagraphs() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      HttpResponse<String> r = bot.send(bot.request(StorybotServer.HEALTH_PATH).GET());
      assertEquals(200, r.statusCode());
      assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
      JsonNode body = JSON.readTree(r.body());
      assertEquals("ok", body.path("status").asText());
      assertEquals(bot.stories().size(), body.path("stories").asInt());
      assertEquals(Fixtures.paragraphs(bot.stories()), body.path("paragraphs").asInt());
    }
  }

  @Test
  void healthAndSlackRequestsAreUnavailableUntilTheIndexIsLoaded() throws Exception {
    try (SlackBot bot = SlackBot.builder().loading().start()) {
      HttpResponse<String> r = bot.send(bot.request(StorybotServer.HEALTH_PATH).GET());
      assertEquals(503, r.statusCode());
      assertEquals("loading", JSON.readTree(r.body()).path("status").asText());

      // Slack re-delivers an event that got a 5xx, so a question asked during start-up is not lost.
      HttpResponse<String> event = bot.mention("EvLoading", "1700005000.000100", "What did the repairs cost?");
      assertEquals(503, event.statusCode());
      assertEquals("30", event.headers().firstValue("Retry-After").orElse(""));
      assertEquals(List.of("auth.test"), bot.stub().calls().stream().map(SlackApiStub.Call::method).toList());
    }
  }
}
