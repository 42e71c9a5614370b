package dev.storybot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;

/** Where a reply goes: a conversation (and thread) for everyone, or privately to the asker through a response_url. */
public sealed interface Destination {

  /**
   * Posted with chat.postMessage.
   *
   * @param channel conversation id
   * @param threadTs the thread to reply in, or null for the conversation itself
   */
  record Conversation(String channel, String threadTs) implements Destination {}

  /**
   * Posted ephemerally through a response_url (of a slash command, a shortcut or a button click).
   *
   * @param responseUrl where to post
   * @param channel the conversation it was asked in, or null
   */
  record Private(String responseUrl, String channel) implements Destination {}

  /**
   * Posted with chat.postEphemeral: in the conversation, seen only by {@code user} (a channel's "ephemeral" setting).
   *
   * @param channel conversation id
   * @param user who sees it
   * @param threadTs the thread, or null
   */
  record Ephemeral(String channel, String user, String threadTs) implements Destination {}

  /** Where a click on a button asks its reply to go: privately again under an ephemeral message, else its thread. */
  static Destination ofClick(BlockActionPayload p, String responseUrl) {
    BlockActionPayload.Container c = p.getContainer();
    if (c == null || c.isEphemeral() || c.getChannelId() == null) {
      return new Private(responseUrl, c == null ? null : c.getChannelId());
    }
    String thread = c.getThreadTs() != null ? c.getThreadTs()
        : p.getMessage() != null ? p.getMessage().getThreadTs() : null;
    return new Conversation(c.getChannelId(), thread);
  }

  /** The conversation the reply belongs to, for its settings; null when unknown. */
  default String channel() {
    if (this instanceof Conversation c) return c.channel();
    if (this instanceof Private p) return p.channel();
    return ((Ephemeral) this).channel();
  }
}
