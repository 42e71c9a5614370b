package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.LogCapture;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-channel settings from CHANNELS_CONFIG: sources searched, private answers, untagged questions; re-read on change. */
class ChannelSettingsTest {

  private static final String RESTRICTED = """
      channels:
        C0000CHAN:
          sources: [Reuters]
          ephemeral: true
          answer_untagged: true
      """;
  private static final String OPEN = """
      channels:
        C0000OTHER:
          ephemeral: true
      """;

  @Test
  void channelSettingsApplyAndAChangedFileIsReadAgain() throws Exception {
    try (SlackBot bot = SlackBot.builder().channels(RESTRICTED).start()) {
      bot.mention("EvCs1", "1700009000.000100", "And the hostages?");
      SlackApiStub.Call eph = bot.stub().awaitOne("chat.postEphemeral");
      assertEquals(SlackBot.CHANNEL, eph.params().get("channel"));
      assertEquals("U0000ASKER", eph.params().get("user"), "only the asker sees it");
      assertEquals("1700009000.000100", eph.params().get("thread_ts"));
      JsonNode blocks = eph.jsonParam("blocks");
      assertTrue(Blocks.contexts(blocks).get(0).equals("Searched stories from Reuters"), Blocks.contexts(blocks).toString());
      for (String a : Blocks.contexts(blocks).subList(1, Blocks.contexts(blocks).size())) {
        assertTrue(a.contains(" · Reuters · "), a);
      }

      // An untagged question is answered here; a remark without a question mark is not.
      bot.event("event_message_channel.json", Map.of("EVENT_ID", "EvCs2", "TS", "1700009000.000200",
          "CHANNEL", SlackBot.CHANNEL, "USER", "U0000OTHER", "TEXT", "Anything new on the hostages?"));
      bot.event("event_message_channel.json", Map.of("EVENT_ID", "EvCs3", "TS", "1700009000.000300",
          "CHANNEL", SlackBot.CHANNEL, "USER", "U0000OTHER", "TEXT", "the hostages are in the news"));
      SlackApiStub.Call untagged = bot.stub().await("chat.postEphemeral", 2, Duration.ofSeconds(10)).get(1);
      assertEquals("U0000OTHER", untagged.params().get("user"));
      assertEquals("1700009000.000200", untagged.params().get("thread_ts"));
      // Answered privately, asked privately: no :eyes: for the whole channel to see on either question.
      assertEquals(List.of(), bot.stub().calls("reactions.add"));

      // The file changes: this channel is back to the defaults.
      Path file = bot.channelsFile();
      Files.writeString(file, OPEN);
      Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
      bot.event("event_message_channel.json", Map.of("EVENT_ID", "EvCs4", "TS", "1700009000.000400",
          "CHANNEL", SlackBot.CHANNEL, "USER", "U0000OTHER", "TEXT", "Anything new on the hostages?"));
      bot.mention("EvCs5", "1700009000.000500", "source:CNN And the hostages?");
      SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");
      assertEquals("1700009000.000500", post.params().get("thread_ts"), "a thread reply for everyone again");
      assertEquals("Searched stories from CNN", Blocks.contexts(post.jsonParam("blocks")).get(0), "CNN is searchable again");
      assertEquals(2, bot.stub().calls("chat.postEphemeral").size(), "the untagged question after the change was left alone");
      assertEquals(1, bot.stub().calls("reactions.add").size(), ":eyes: on the question answered in the open");
    }
  }

  @Test
  void aBrokenEditKeepsEveryChannelsRestrictionsAndSaysWhy() throws Exception {
    try (SlackBot bot = SlackBot.builder().channels(RESTRICTED).start(); LogCapture log = LogCapture.start()) {
      Path file = bot.channelsFile();
      Files.writeString(file, RESTRICTED.replace("ephemeral:", "ephemral:"));
      Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
      bot.mention("EvCs8", "1700009200.000100", "And the hostages?");
      SlackApiStub.Call eph = bot.stub().awaitOne("chat.postEphemeral");
      assertEquals("Searched stories from Reuters", Blocks.contexts(eph.jsonParam("blocks")).get(0),
          "still private, still Reuters only");
      assertTrue(log.text().contains("channels.C0000CHAN.ephemral is not a setting: did you mean ephemeral?"), log.text());
    }
  }

  @Test
  void withoutSettingsUntaggedQuestionsAreLeftAlone() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      bot.event("event_message_channel.json", Map.of("EVENT_ID", "EvCs6", "TS", "1700009100.000100",
          "CHANNEL", SlackBot.CHANNEL, "USER", "U0000OTHER", "TEXT", "Anything new on the hostages?"));
      bot.mention("EvCs7", "1700009100.000200", "And the hostages?");
      SlackApiStub.Call post = bot.stub().awaitOne("chat.postMessage");  // one worker: the message came first
      assertEquals("1700009100.000200", post.params().get("thread_ts"));
      assertEquals(1, bot.stub().calls("chat.postMessage").size());
    }
  }
}
