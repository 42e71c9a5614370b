package dev.storybot.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How the bot behaves in one channel, from the CHANNELS_CONFIG file.
 *
 * @param sources publications the channel's questions search (empty: all)
 * @param ephemeral answers only the asker sees (chat.postEphemeral) instead of a thread reply
 * @param untagged answer questions (messages ending in "?") that do not mention the bot; off by default
 */
public record ChannelSettings(@JsonProperty("sources") List<String> sources,
                              @JsonProperty("ephemeral") boolean ephemeral,
                              @JsonProperty("answer_untagged") boolean untagged) {

  /** Everything searched, answers in threads, only when addressed. */
  public static final ChannelSettings DEFAULT = new ChannelSettings(List.of(), false, false);

  public ChannelSettings {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
