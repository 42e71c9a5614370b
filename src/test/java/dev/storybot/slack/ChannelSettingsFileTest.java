package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.testing.LogCapture;
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
    try (LogCapture log = LogCapture.start()) {
      assertEquals(List.of("CNN"), settings.of("C1").sources(), "the last good settings stay");
      assertTrue(settings.of("C1").untagged(), "all of them");
      String warning = log.lines().stream().filter(l -> l.startsWith("WARN")).findFirst().orElseThrow();
      assertTrue(warning.contains("channels.C1.sorces is not a setting: did you mean sources?")
          && warning.contains("keeping the settings in force (1 channel(s))"), warning);
    }

    Files.delete(file);
    assertEquals(ChannelSettings.DEFAULT, settings.of("C1"));
    assertTrue(new ChannelSettingsFile(null).of("C1").sources().isEmpty());
  }

  @Test
  void everyProblemIsNamedAtOnceWithItsPlace() throws Exception {
    Path file = dir.resolve("channels.yml");
    Files.writeString(file, """
        chanels: {}
        channels:
          C0123ABCD:
            ephemral: true
            sources: CNN
            rate_limit_per_minute: 0
          general:
            answer_untagged: yes please
          C0456EFGH:
            ephemeral: true
        """);
    List<String> problems = ChannelSettingsFile.problems(file);
    assertEquals(List.of(
        file + ": chanels is not a setting: did you mean channels? (settings: channels)",
        file + ": channels.C0123ABCD.ephemral is not a setting: did you mean ephemeral? (settings: sources, ephemeral,"
            + " answer_untagged, rate_limit_per_minute)",
        file + ": channels.C0123ABCD.sources must be a list such as [CNN, Reuters], got \"CNN\"",
        file + ": channels.C0123ABCD.rate_limit_per_minute must be a whole number of at least 1, got 0",
        file + ": channels.general: \"general\" is not a channel id; use the id such as C0123ABCD (channel → About, at"
            + " the bottom of the panel), not its name",
        file + ": channels.general.answer_untagged must be true or false, got \"yes please\""), problems);

    assertEquals(List.of(), ChannelSettingsFile.problems(writeGood(file)));
    assertTrue(ChannelSettingsFile.problems(dir.resolve("missing.yml")).get(0).contains("does not exist"));
    Files.writeString(file, "channels:\n  C1: [\n");
    assertTrue(ChannelSettingsFile.problems(file).get(0).contains("not valid YAML"), ChannelSettingsFile.problems(file).toString());
  }

  private static Path writeGood(Path file) throws Exception {
    return Files.writeString(file, "channels:\n  C0123ABCD:\n    sources: [CNN]\n    ephemeral: true\n"
        + "    answer_untagged: false\n    rate_limit_per_minute: 3\n  D0123:\n");
  }
}
