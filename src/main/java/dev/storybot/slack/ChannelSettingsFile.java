package dev.storybot.slack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-channel settings read from a YAML file (CHANNELS_CONFIG) and re-read when it changes: each use compares the
 * file's modification time and size with those last read (one stat call). `serve` checks the file at start and
 * refuses to run with a problem in it ({@link #problems}); an edit at run time that has a problem keeps the last
 * good settings in force, with a warning naming every problem; a removed file means the defaults everywhere.
 *
 * <pre>
 * channels:
 *   C0123ABCD:
 *     sources: [CNN, Reuters]
 *     ephemeral: true
 *     answer_untagged: true
 * </pre>
 */
public final class ChannelSettingsFile {

  private static final Logger log = LoggerFactory.getLogger(ChannelSettingsFile.class);

  private record Stamp(FileTime modified, long size) {}

  private final Path file;
  private Stamp stamp;
  private Map<String, ChannelSettings> channels = Map.of();

  /** Settings from {@code file}, read now; null for the defaults in every channel. */
  ChannelSettingsFile(Path file) {
    this.file = file;
    if (file != null) refresh();
  }

  /**
   * What is wrong with the settings in {@code file}, one sentence each naming the file and the place in it; empty
   * when they can be used.
   */
  public static List<String> problems(Path file) {
    try {
      return ChannelsYaml.read(file).problems().stream().map(p -> file + ": " + p).toList();
    } catch (NoSuchFileException e) {
      return List.of(file + " does not exist: create it (see docs/SLACK.md), or unset the variable");
    } catch (IOException e) {
      return List.of(file + " cannot be read (" + e + "): check that it is a file storybot may read");
    }
  }

  /** The settings of {@code channel}, re-reading the file first if it changed. */
  synchronized ChannelSettings of(String channel) {
    if (file == null || channel == null) return ChannelSettings.DEFAULT;
    refresh();
    return channels.getOrDefault(channel, ChannelSettings.DEFAULT);
  }

  private synchronized void refresh() {
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
      ChannelsYaml.Read read = ChannelsYaml.read(file);
      if (read.problems().isEmpty()) {
        channels = read.channels();
        log.info("Read settings for {} channel(s) from {}", channels.size(), file);
      } else {
        // A half-finished edit must not lift every channel's restrictions: the last good settings stay.
        log.warn("{} has {}; keeping the settings in force ({} channel(s)) until it is fixed: {}", file,
            read.problems().size() == 1 ? "a problem" : read.problems().size() + " problems", channels.size(),
            String.join("; ", read.problems()));
      }
    } catch (IOException e) {
      log.warn("Cannot read {} ({}); keeping the settings in force", file, e.toString());
    }
  }
}
