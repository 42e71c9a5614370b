package dev.storybot.slack;

import dev.storybot.answer.Texts;
import java.util.regex.Pattern;

/** Slack's text rules: escaping story text for mrkdwn, and turning a user's message back into a plain question. */
public final class SlackText {

  /** Questions longer than this are cut: nobody asks 1,000 characters, and the search need not read them. */
  public static final int MAX_QUESTION_CHARS = 1_000;

  private static final Pattern USER_MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");
  private static final Pattern LABELLED_LINK = Pattern.compile("<[^<>|]+\\|([^<>]*)>");
  private static final Pattern BARE_LINK = Pattern.compile("<([^<>|@#!][^<>|]*)>");

  private SlackText() {}

  /** Escapes the three characters Slack treats as control characters in message text. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Undoes {@link #escape}: Slack sends user text escaped. */
  public static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /**
   * The question in a message: user mentions (the bot's and others') removed, links reduced to their label,
   * entities unescaped, whitespace collapsed, cut to {@link #MAX_QUESTION_CHARS}.
   */
  public static String question(String messageText) {
    if (messageText == null) return "";
    String q = USER_MENTION.matcher(messageText).replaceAll(" ");
    q = LABELLED_LINK.matcher(q).replaceAll("$1");
    q = BARE_LINK.matcher(q).replaceAll("$1");
    q = unescape(q).replaceAll("\\s+", " ").strip();
    return truncate(q, MAX_QUESTION_CHARS);
  }

  /** Cuts {@code text} to at most {@code max} characters, ending with "…" when cut, never splitting a surrogate pair. */
  public static String truncate(String text, int max) {
    return Texts.truncate(text, max);
  }
}
