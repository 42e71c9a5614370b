package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.metrics.Metrics;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** GET /healthz reports what the index holds, and 503 until it is loaded or when it cannot be read. */
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
  void storiesThatCannotBeReadMakeTheServiceUnavailable() throws Exception {
    Readiness unreadable = new Readiness() {
      @Override
      public boolean ready() {
        return true;
      }

      @Override
      public Map<String, Object> health() {
        throw new IllegalStateException("Solr does not answer at http://127.0.0.1:1/solr");
      }
    };
    Server server = StorybotServer.createServer(0, new StorybotServer.Deps(null, unreadable, new Metrics()));
    server.start();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + StorybotServer.port(server) + StorybotServer.HEALTH_PATH)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(503, r.statusCode());
      assertEquals("unavailable", JSON.readTree(r.body()).path("status").asText(), r.body());
    } finally {
      server.stop();
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
