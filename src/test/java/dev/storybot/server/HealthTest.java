package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.slack.SlackApiStub;
import dev.storybot.slack.Stories;
import dev.storybot.slack.TestBot;
import dev.storybot.story.Story;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /healthz reports what the index holds, and 503 until it is loaded. */
class HealthTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path stories;

  @Test
  void healthCountsTheIndexedStoriesAndParagraphs() throws Exception {
    List<Story> fixtures = Stories.fixtures(stories);
    try (TestBot bot = TestBot.over(fixtures)) {
      HttpResponse<String> r = bot.send(bot.request(StorybotServer.HEALTH_PATH).GET());
      assertEquals(200, r.statusCode());
      assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
      JsonNode body = JSON.readTree(r.body());
      assertEquals("ok", body.path("status").asText());
      assertEquals(fixtures.size(), body.path("stories").asInt());
      assertEquals(fixtures.stream().mapToInt(s -> s.paragraphs().size()).sum(), body.path("paragraphs").asInt());
    }
  }

  @Test
  void healthAndSlackRequestsAreUnavailableUntilTheIndexIsLoaded() throws Exception {
    try (TestBot bot = TestBot.loading(Stories.fixtures(stories))) {
      HttpResponse<String> r = bot.send(bot.request(StorybotServer.HEALTH_PATH).GET());
      assertEquals(503, r.statusCode());
      assertEquals("loading", JSON.readTree(r.body()).path("status").asText());

      // Slack re-delivers an event that got a 5xx, so a question asked during start-up is not lost.
      HttpResponse<String> event = bot.mention("EvLoading", "1700005000.000100", "What did the repairs cost?");
      assertEquals(503, event.statusCode());
      assertEquals("30", event.headers().firstValue("Retry-After").orElse(""));
      assertEquals(List.of("auth.test"), bot.stub.calls().stream().map(SlackApiStub.Call::method).toList());
    }
  }
}
