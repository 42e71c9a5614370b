package dev.storybot.slack;

import dev.storybot.search.StorySummary;
import java.util.StringJoiner;

/** One story as a line of a listing: *headline* · source · date · link, escaped for Slack. */
final class ShelfLines {
  private ShelfLines() {}

  static String line(StorySummary s) {
    StringJoiner line = new StringJoiner(" · ");
    line.add("*" + SlackText.escape(SlackText.truncate(s.title(), 200)) + "*");
    if (s.source() != null && !s.source().isBlank()) line.add(SlackText.escape(SlackText.truncate(s.source(), 100)));
    if (s.published() != null && s.published().length() >= 10) line.add(SlackText.escape(s.published().substring(0, 10)));
    if (s.url() != null && s.url().matches("https?://[^\\s<>|]+")) line.add("<" + s.url().replace("&", "&amp;") + "|link>");
    return line.toString();
  }
}
