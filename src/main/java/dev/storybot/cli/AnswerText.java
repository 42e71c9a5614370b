package dev.storybot.cli;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import java.util.ArrayList;
import java.util.List;

/** Renders an answer for the terminal the way Slack shows it: `> quote` with *bold* emphasis, then attribution. */
final class AnswerText {

  static final String NOT_FOUND = "I couldn't find that in our stories.";

  private AnswerText() {}

  /** The lines of {@code answer}, excerpts separated by a blank line. */
  static List<String> lines(Answer answer) {
    List<String> lines = new ArrayList<>();
    if (!answer.answered()) {
      lines.add(NOT_FOUND);
      if (!answer.nearest().isEmpty()) {
        lines.add("Nearest stories:");
        for (String title : answer.nearest()) lines.add("• " + title);
      }
      return lines;
    }
    for (Excerpt e : answer.excerpts()) {
      if (!lines.isEmpty()) lines.add("");
      lines.add("> " + emphasised(e));
      lines.add("— " + attribution(e));
    }
    return lines;
  }

  /** The quote with each emphasis span wrapped in Slack's *bold*; adjacent spans become one bold run. */
  static String emphasised(Excerpt e) {
    String quote = e.quote();
    StringBuilder out = new StringBuilder();
    int at = 0;
    List<Excerpt.Span> spans = e.emphasis();
    for (int i = 0; i < spans.size(); i++) {
      int start = Math.max(at, spans.get(i).start());
      int end = spans.get(i).end();
      // Join "Benjamin Netanyahu" into *Benjamin Netanyahu* rather than *Benjamin* *Netanyahu*.
      while (i + 1 < spans.size() && quote.substring(end, spans.get(i + 1).start()).isBlank()) {
        end = spans.get(++i).end();
      }
      if (start >= end || end > quote.length()) continue;
      out.append(quote, at, start).append('*').append(quote, start, end).append('*');
      at = end;
    }
    return out.append(quote.substring(at)).toString();
  }

  /** Headline · Source · byline · date · ¶N · url, leaving out what is unknown. */
  static String attribution(Excerpt e) {
    List<String> parts = new ArrayList<>();
    parts.add(e.title());
    for (String part : new String[] {e.source(), e.byline(), e.published()}) {
      if (part != null && !part.isBlank()) parts.add(part);
    }
    parts.add("¶" + e.paragraph());
    if (e.url() != null && !e.url().isBlank()) parts.add(e.url());
    return String.join(" · ", parts);
  }
}
