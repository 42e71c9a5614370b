package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.config.RateLimits;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user asking faster than the limit gets their answers up to it, one friendly "slow down", then silence; other
 * users are still answered; `/story` over the limit says so in its acknowledgement. Limits of 3 a minute per user
 * (no token comes back within the test) and plenty for everyone.
 */
class RateLimitTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().rateLimits(new RateLimits(3, 1_000)).build();

  @Test
  void aFloodingUserIsAnsweredUpToTheLimitToldOnceThenIgnoredWhileOthersAreAnswered() throws Exception {
    for (int i = 0; i < 8; i++) {
      assertEquals(200, bot.event("event_message_im.json", Map.of("EVENT_ID", "EvFlood" + i, "TS",
          "1700006000.00010" + i, "CHANNEL", "D0000FLOOD", "USER", "U0000FLOOD", "TEXT", "What did the repairs cost?"))
          .statusCode(), "every question is acknowledged");
    }
    bot.dm("EvCalm", "1700006100.000100", "When does the rooftop garden close?");
    // One worker: the calm user's answer comes after everything the flood caused.
    bot.stub().awaitMatching("chat.postMessage", c -> SlackBot.DM.equals(c.params().get("channel")), Duration.ofSeconds(10));

    List<String> flood = bot.stub().calls("chat.postMessage").stream()
        .filter(c -> "D0000FLOOD".equals(c.params().get("channel"))).map(c -> c.params().get("text")).toList();
    assertEquals(4, flood.size(), flood.toString());
    for (String answer : flood.subList(0, 3)) assertTrue(answer.contains("million"), answer);
    assertEquals(Questions.SLOW_DOWN, flood.get(3));
  }

  @Test
  void aSlashCommandOverTheLimitIsToldSoInItsAcknowledgement() throws Exception {
    for (int i = 0; i < 3; i++) assertEquals("", bot.command("What did the repairs cost?", "ok" + i).body());
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> ack = bot.command("What did the repairs cost?", "limited" + i);
      assertEquals(200, ack.statusCode());
      var json = new ObjectMapper().readTree(ack.body());
      assertEquals("ephemeral", json.path("response_type").asText());
      assertEquals(Questions.SLOW_DOWN, json.path("text").asText());
    }
    bot.stub().await(SlackApiStub.RESPONSE_URL, 3, Duration.ofSeconds(10));
    assertEquals(0, bot.stub().calls(SlackApiStub.RESPONSE_URL).stream().filter(c -> c.path().contains("limited")).count());
  }
}
