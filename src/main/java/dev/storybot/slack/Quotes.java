package dev.storybot.slack;

import dev.storybot.answer.Excerpt;
import java.util.List;

/**
 * Formats an excerpt's quote for Slack: its shown text (brackets, ellipses and added marks as the answer path made
 * them) as a blockquote with {@link Excerpt#emphasisRuns()} in bold, escaped.
 */
final class Quotes {
  private Quotes() {}

  /** "> " + the shown quote, escaped, cut to {@code maxRaw} characters, emphasis runs in *bold*. */
  static String blockquote(Excerpt e, int maxRaw) {
    String quote = SlackText.truncate(e.text(), maxRaw);
    // Runs index the shown text: keep those that still lie inside the (possibly cut) text.
    int keep = quote.length() == e.text().length() ? quote.length() : quote.length() - 1;
    List<Excerpt.Span> runs = e.emphasisRuns().stream().filter(s -> s.end() <= keep).toList();
    return "> " + bold(quote, runs).replace("\n", "\n> ");
  }

  /** Escapes {@code text} and wraps each of {@code runs} (in order, not overlapping) in asterisks. */
  static String bold(String text, List<Excerpt.Span> runs) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int pos = 0;
    for (Excerpt.Span run : runs) {
      out.append(SlackText.escape(text.substring(pos, run.start())))
          .append('*').append(SlackText.escape(text.substring(run.start(), run.end()))).append('*');
      pos = run.end();
    }
    return out.append(SlackText.escape(text.substring(pos))).toString();
  }
}
