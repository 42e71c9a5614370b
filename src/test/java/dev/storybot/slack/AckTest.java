package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Slack's 3-second rule: acknowledgements never wait for the work behind them. */
class AckTest {

  @RegisterExtension final SlackBot bot = SlackBot.builder().build();

  @Test
  void hangingSlackApiDoesNotDelayAcknowledgements() throws Exception {
    SlackApiStub.Hold hang = bot.stub().hold("chat.postMessage");
    bot.mention("EvHang1", "1700004000.000100", "What did the repairs cost?");
    hang.awaitArrival();  // the only worker is now stuck posting the first answer

    // Each request times out at Slack's deadline, so an ack that waited for the worker would fail here.
    HttpResponse<String> command = bot.command("When does the rooftop garden close?", "hang", SlackBot.SLACK_DEADLINE);
    HttpResponse<String> mention = bot.mention("EvHang2", "1700004000.000200", "How many cables did the engineers replace?",
        SlackBot.SLACK_DEADLINE);
    assertEquals(List.of(200, 200), List.of(command.statusCode(), mention.statusCode()));

    hang.release();
    bot.stub().await("chat.postMessage", 2, Duration.ofSeconds(10));
    bot.stub().awaitOne(SlackApiStub.RESPONSE_URL);
  }
}
