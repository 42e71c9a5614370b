package dev.storybot.slack;

import dev.storybot.story.Attribution;
import java.util.StringJoiner;

/** A story's attribution as one Slack line: *headline* · source · byline · date · ¶N · link, escaped. */
final class SlackAttribution {

  private SlackAttribution() {}

  /** Under a quote: every known part, the paragraph number, and the link. */
  static String ofExcerpt(Attribution a, int paragraph) {
    return line(a, true, paragraph);
  }

  /** In a listing: headline, source, date and link. */
  static String ofStory(Attribution a) {
    return line(a, false, 0);
  }

  private static String line(Attribution a, boolean byline, int paragraph) {
    StringJoiner line = new StringJoiner(" · ");
    line.add("*" + SlackText.escape(SlackText.truncate(a.title(), 200)) + "*");
    if (a.source() != null) line.add(SlackText.escape(SlackText.truncate(a.source(), 100)));
    if (byline && a.byline() != null) line.add(SlackText.escape(SlackText.truncate(a.byline(), 150)));
    if (a.published() != null) {
      line.add(SlackText.escape(a.published().length() > 10 ? a.published().substring(0, 10) : a.published()));
    }
    if (paragraph > 0) line.add("¶" + paragraph);
    // A link Slack can show: http(s), and nothing that would end the <url|label> syntax early.
    if (a.url() != null && a.url().matches("https?://[^\\s<>|]+")) line.add("<" + a.url().replace("&", "&amp;") + "|link>");
    return line.toString();
  }
}
