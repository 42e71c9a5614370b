package dev.storybot.slack;

import java.util.List;

/**
 * How the bot behaves in one channel, from the CHANNELS_CONFIG file (read by {@link ChannelsYaml}).
 *
 * @param sources publications the channel's questions search (empty: all)
 * @param ephemeral answers only the asker sees (chat.postEphemeral) instead of a thread reply
 * @param untagged answer questions (messages ending in "?") that do not mention the bot; off by default
 * @param rateLimitPerMinute questions one person may ask a minute in this channel, or null for the bot-wide limit
 */
public record ChannelSettings(List<String> sources, boolean ephemeral, boolean untagged, Integer rateLimitPerMinute) {

  /** Everything searched, answers in threads, only when addressed, the bot-wide rate limit. */
  public static final ChannelSettings DEFAULT = new ChannelSettings(List.of(), false, false);

  public ChannelSettings {
    sources = sources == null ? List.of() : List.copyOf(sources);
    if (rateLimitPerMinute != null && rateLimitPerMinute < 1) {
      throw new IllegalArgumentException("rate_limit_per_minute must be at least 1, got " + rateLimitPerMinute);
    }
  }

  /** Settings under the bot-wide rate limit. */
  public ChannelSettings(List<String> sources, boolean ephemeral, boolean untagged) {
    this(sources, ephemeral, untagged, null);
  }
}
