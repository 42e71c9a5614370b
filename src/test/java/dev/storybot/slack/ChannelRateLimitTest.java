package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.testing.SlackBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A channel's own `rate_limit_per_minute` from CHANNELS_CONFIG holds its askers to it; elsewhere the bot-wide limit. */
class ChannelRateLimitTest {

  @TempDir Path config;

  @Test
  void aChannelsOwnLimitAppliesThereWhileOtherConversationsKeepTheBotWideLimit() throws Exception {
    String channels = "channels:\n  " + SlackBot.CHANNEL + ":\n    rate_limit_per_minute: 1\n";
    try (SlackBot bot = SlackBot.builder().channels(channels).start()) {
      bot.mention("EvChanLimit1", "1700007000.000100", "What did the repairs cost?");
      bot.mention("EvChanLimit2", "1700007000.000200", "What did the repairs cost?");
      for (int i = 0; i < 2; i++) {
        bot.event("event_message_im.json", Map.of("EVENT_ID", "EvOtherDm" + i, "TS", "1700007100.00010" + i,
            "CHANNEL", "D0000OTHER", "USER", "U0000OTHER", "TEXT", "What did the repairs cost?"));
      }
      // One worker: the last DM's answer comes after everything the channel's questions caused.
      bot.stub().await("chat.postMessage", 4, Duration.ofSeconds(10));

      List<String> inChannel = texts(bot, SlackBot.CHANNEL);
      assertEquals(2, inChannel.size(), inChannel.toString());
      assertTrue(inChannel.get(0).contains("million"), inChannel.get(0));
      assertEquals(Questions.SLOW_DOWN, inChannel.get(1), "the channel allows one question a minute");

      List<String> inDm = texts(bot, "D0000OTHER");
      assertEquals(2, inDm.size(), inDm.toString());
      inDm.forEach(t -> assertTrue(t.contains("million"), "the bot-wide limit allows both: " + t));
    }
  }

  @Test
  void aLimitBelowOneIsRejectedAndTheSettingsInForceStay() throws Exception {
    Path file = config.resolve("channels.yml");
    Files.writeString(file, "channels:\n  C1:\n    rate_limit_per_minute: 0\n");
    assertEquals(ChannelSettings.DEFAULT, new ChannelSettingsFile(file).of("C1"));
    Files.writeString(file, "channels:\n  C1:\n    rate_limit_per_minute: 5\n");
    assertEquals(5, new ChannelSettingsFile(file).of("C1").rateLimitPerMinute());
  }

  private static List<String> texts(SlackBot bot, String channel) {
    return bot.stub().calls("chat.postMessage").stream()
        .filter(c -> channel.equals(c.params().get("channel"))).map(c -> c.params().get("text")).toList();
  }
}
