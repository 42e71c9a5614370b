package dev.storybot.slack;

import dev.storybot.answer.Excerpt;
import dev.storybot.story.Attribution;
import java.util.List;
import java.util.StringJoiner;

/**
 * A story's attribution as one Slack line: speaker · *headline* · source · byline · date · ¶N · link, escaped; the
 * speaker only under a quote that does not name them itself.
 */
final class SlackAttribution {

  private SlackAttribution() {}

  /** Under a quote: who said it (when the quote does not say), every known part, the paragraph number, the link. */
  static String ofExcerpt(Excerpt e) {
    String line = line(e.attribution(), true, e.paragraph());
    List<String> speakers = e.unnamedSpeakers();
    if (speakers.isEmpty()) return line;
    return SlackText.escape(SlackText.truncate(String.join("; ", speakers), 200)) + " · " + line;
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
