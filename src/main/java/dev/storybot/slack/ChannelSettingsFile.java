package dev.storybot.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-channel settings read from a YAML file and re-read when it changes: each use compares the file's
 * modification time and size with those last read (one stat call). A file that does not parse keeps the
 * settings in force, with a warning naming the problem; a missing file means the defaults everywhere.
 *
 * <pre>
 * channels:
 *   C0123ABCD:
 *     sources: [CNN, Reuters]
 *     ephemeral: true
 *     answer_untagged: true
 * </pre>
 */
final class ChannelSettingsFile {

  private static final Logger log = LoggerFactory.getLogger(ChannelSettingsFile.class);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private record Contents(@JsonProperty("channels") Map<String, ChannelSettings> channels) {
    Contents {
      channels = channels == null ? Map.of() : Map.copyOf(channels);
    }
  }

  private record Stamp(FileTime modified, long size) {}

  private final Path file;
  private Stamp stamp;
  private Map<String, ChannelSettings> channels = Map.of();

  /** Settings from {@code file}; null for the defaults in every channel. */
  ChannelSettingsFile(Path file) {
    this.file = file;
  }

  /** The settings of {@code channel}, re-reading the file first if it changed. */
  synchronized ChannelSettings of(String channel) {
    if (file == null || channel == null) return ChannelSettings.DEFAULT;
    refresh();
    return channels.getOrDefault(channel, ChannelSettings.DEFAULT);
  }

  private void refresh() {
    Stamp now;
    try {
      now = new Stamp(Files.getLastModifiedTime(file), Files.size(file));
    } catch (NoSuchFileException e) {
      if (stamp != null || !channels.isEmpty()) log.warn("{} is gone: default settings in every channel", file);
      stamp = null;
      channels = Map.of();
      return;
    } catch (IOException e) {
      log.warn("Cannot read {} ({}); keeping the settings in force", file, e.toString());
      return;
    }
    if (now.equals(stamp)) return;
    stamp = now;
    try {
      channels = YAML.readValue(file.toFile(), Contents.class).channels();
      log.info("Read settings for {} channel(s) from {}", channels.size(), file);
    } catch (IOException | IllegalArgumentException e) {
      log.warn("{} is not valid channel settings ({}); keeping the settings in force", file, e.getMessage());
    }
  }
}
