package dev.storybot.slack;

import dev.storybot.answer.Excerpt;
import java.util.List;

/** Formats an excerpt's quote as a Slack blockquote with the matched words in bold. */
final class Quotes {
  private Quotes() {}

  /** "> " + the quote, escaped, cut to {@code maxRaw} characters, emphasis spans in *bold*. */
  static String blockquote(Excerpt e, int maxRaw) {
    String quote = SlackText.truncate(e.quote(), maxRaw);
    // Spans index the original quote: keep those that still lie inside the (possibly cut) text.
    int keep = quote.length() == e.quote().length() ? quote.length() : quote.length() - 1;
    List<Excerpt.Span> spans = e.emphasis().stream().filter(s -> s.end() <= keep).toList();
    return "> " + bold(quote, spans).replace("\n", "\n> ");
  }

  /** Escapes {@code text} and wraps each span that sits on word boundaries in asterisks. */
  static String bold(String text, List<Excerpt.Span> spans) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int pos = 0;
    for (Excerpt.Span span : spans) {
      int start = Math.max(span.start(), pos);
      int end = Math.min(span.end(), text.length());
      while (start < end && Character.isWhitespace(text.charAt(start))) start++;
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
      // Slack only renders *bold* at word edges; mid-word asterisks would show literally.
      if (start >= end || !wordEdge(text, start - 1) || !wordEdge(text, end) || text.substring(start, end).contains("*")) {
        continue;
      }
      out.append(SlackText.escape(text.substring(pos, start)))
          .append('*').append(SlackText.escape(text.substring(start, end))).append('*');
      pos = end;
    }
    out.append(SlackText.escape(text.substring(pos)));
    return out.toString();
  }

  private static boolean wordEdge(String text, int i) {
    return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
  }
}
