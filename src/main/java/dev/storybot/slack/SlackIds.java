package dev.storybot.slack;

import java.util.List;
import java.util.Set;

/**
 * Every name Slack and manifest.yml share with the code: the slash command, event types, scopes, action and callback
 * ids. ManifestTest keeps manifest.yml and these in step.
 */
public final class SlackIds {

  /** The slash command. */
  public static final String COMMAND = "/story";
  /** Events API event types the app subscribes to. */
  public static final List<String> EVENTS = List.of("app_mention", "message.im", "app_home_opened", "message.channels");
  /** Subtypes of message events that are read as questions like plain messages: a file shared with a message, a
   *  thread reply also sent to the conversation. Edits, joins and bot messages are not questions. */
  public static final Set<String> QUESTION_SUBTYPES = Set.of("file_share", "thread_broadcast");
  /** Bot scopes the listeners need. */
  public static final List<String> SCOPES = List.of(
      "app_mentions:read", "channels:history", "chat:write", "commands", "im:history", "im:read", "im:write",
      "reactions:write");

  /** "Share in channel"; the value carries the {@link Ask}. */
  public static final String SHARE = "share_answer";
  /** "More excerpts"; the value carries the {@link Ask} with the next offset. */
  public static final String MORE = "more_excerpts";
  /** 👍 and 👎; the values are {@link FeedbackValue}s. */
  public static final String FEEDBACK_UP = "feedback_up";
  public static final String FEEDBACK_DOWN = "feedback_down";
  /** Newer/Older under `/story list`, followed by "_newer" or "_older"; the value is a {@link StoryListing.Page}. */
  public static final String LIST_PAGE = "list_page";
  /** The message shortcut "Find in stories". */
  public static final String FIND_SHORTCUT = "find_in_stories";

  private SlackIds() {}
}
