package dev.storybot.slack;

import dev.storybot.answer.Texts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slack's text rules: escaping story text for mrkdwn, and turning a user's message back into a plain question. */
public final class SlackText {

  /** Questions longer than this are cut: nobody asks 1,000 characters, and the search need not read them. */
  public static final int MAX_QUESTION_CHARS = 1_000;

  /**
   * Slack's references that are not words of a question: people ({@code <@U…>}), channels ({@code <#C…|name>}), user
   * groups ({@code <!subteam^S…|@team>}) and the special mentions ({@code <!here>}, {@code <!channel>},
   * {@code <!everyone>}), with or without a label. A date ({@code <!date^…|fallback>}) is kept as the text its
   * reader sees, its fallback.
   */
  private static final Pattern REFERENCE = Pattern.compile("<(?:@|#|!(?!date\\^))[^<>]*>");
  private static final Pattern DATE = Pattern.compile("<!date\\^[^<>|]*(?:\\|([^<>]*))?>");
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
   * The question in a message: mentions of people (the bot's and others'), channels, groups, @here, @channel and
   * @everyone removed, dates and links reduced to the text their reader sees, entities unescaped, whitespace
   * collapsed, cut to {@link #MAX_QUESTION_CHARS}.
   */
  public static String question(String messageText) {
    if (messageText == null) return "";
    String q = REFERENCE.matcher(messageText).replaceAll(" ");
    q = DATE.matcher(q).replaceAll(m -> m.group(1) == null ? " " : Matcher.quoteReplacement(m.group(1)));
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
