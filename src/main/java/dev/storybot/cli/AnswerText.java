package dev.storybot.cli;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import dev.storybot.story.Attribution;
import java.util.ArrayList;
import java.util.List;

/** Renders an answer for the terminal the way Slack shows it: `> quote` with *bold* emphasis, then attribution. */
final class AnswerText {

  static final String NOT_FOUND = "I couldn't find that in our stories.";

  private AnswerText() {}

  /** The lines of {@code answer}: its note, then excerpts separated by a blank line, or not-found, or the problem. */
  static List<String> lines(Answer answer) {
    List<String> lines = new ArrayList<>();
    if (answer.note() != null) lines.add("(" + answer.note() + ")");
    if (answer.problem() != null) {
      lines.add(answer.problem());
      return lines;
    }
    if (!answer.answered()) {
      lines.add(NOT_FOUND);
      if (!answer.nearest().isEmpty()) {
        lines.add("Nearest stories:");
        for (String title : answer.nearest()) lines.add("• " + title);
      }
      return lines;
    }
    boolean first = true;
    for (Excerpt e : answer.excerpts()) {
      if (!first) lines.add("");
      first = false;
      lines.add("> " + emphasised(e));
      lines.add("— " + attribution(e));
    }
    return lines;
  }

  /** The quote as shown, with each of its {@link Excerpt#emphasisRuns()} in Slack's *bold*. */
  static String emphasised(Excerpt e) {
    String quote = e.text();
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Excerpt.Span run : e.emphasisRuns()) {
      out.append(quote, at, run.start()).append('*').append(quote, run.start(), run.end()).append('*');
      at = run.end();
    }
    return out.append(quote.substring(at)).toString();
  }

  /** Speaker · Headline · Source · byline · date · ¶N · url, leaving out what is unknown (or said in the quote). */
  static String attribution(Excerpt e) {
    Attribution a = e.attribution();
    List<String> parts = new ArrayList<>();
    if (!e.unnamedSpeakers().isEmpty()) parts.add(String.join("; ", e.unnamedSpeakers()));
    parts.add(a.title());
    for (String part : new String[] {a.source(), a.byline(), a.published()}) {
      if (part != null) parts.add(part);
    }
    parts.add("¶" + e.paragraph());
    if (a.url() != null) parts.add(a.url());
    return String.join(" · ", parts);
  }
}
