package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file: a broken edit keeps the settings in force, a removed file means the defaults. */
class ChannelSettingsFileTest {

  @TempDir Path dir;

  @Test
  void brokenEditKeepsTheSettingsInForceAndRemovalRestoresDefaults() throws Exception {
    Path file = dir.resolve("channels.yml");
    Files.writeString(file, "channels:\n  C1:\n    sources: [CNN]\n    answer_untagged: true\n");
    ChannelSettingsFile settings = new ChannelSettingsFile(file);
    assertEquals(new ChannelSettings(List.of("CNN"), false, true), settings.of("C1"));
    assertEquals(ChannelSettings.DEFAULT, settings.of("C2"));

    Files.writeString(file, "channels:\n  C1:\n    sorces: [BBC]\n");  // a typo in a key
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
    assertEquals(List.of("CNN"), settings.of("C1").sources(), "the last good settings stay");

    Files.delete(file);
    assertEquals(ChannelSettings.DEFAULT, settings.of("C1"));
    assertTrue(new ChannelSettingsFile(null).of("C1").sources().isEmpty());
  }
}
