package dev.storybot.slack;

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
   */
  record Private(String responseUrl) implements Destination {}
}
