package dev.storybot.answer;

import dev.storybot.story.Attribution;
import java.util.ArrayList;
import java.util.List;

/**
 * One quoted passage of an answer: the verbatim sentence(s) from a story paragraph with its attribution.
 *
 * @param storyId the story's stable id
 * @param attribution the story's headline, source, byline, date and link
 * @param paragraph 1-based paragraph number (¶N)
 * @param quote verbatim text from the paragraph, at most {@link #MAX_QUOTE_CHARS} characters
 * @param score ranking score (higher is better; comparable only within one answer)
 * @param emphasis character ranges of {@code quote} that answer the question, in order, not overlapping
 */
public record Excerpt(String storyId, Attribution attribution, int paragraph, String quote, double score,
                      List<Span> emphasis) {

  /** The longest quote an excerpt may carry. */
  public static final int MAX_QUOTE_CHARS = 400;

  public Excerpt {
    emphasis = emphasis == null ? List.of() : List.copyOf(emphasis);
  }

  /** The headline. */
  public String title() {
    return attribution.title();
  }

  /**
   * The runs of {@code quote} to show in bold, the one rule every renderer follows: spans trimmed of white space,
   * neighbours with only white space between them joined ("*Benjamin Netanyahu*", not "*Benjamin* *Netanyahu*"), and
   * only runs that begin and end at word edges and hold no asterisk (Slack's *bold* shows literally otherwise).
   */
  public List<Span> emphasisRuns() {
    List<Span> runs = new ArrayList<>();
    int i = 0;
    while (i < emphasis.size()) {
      int start = emphasis.get(i).start();
      int end = emphasis.get(i).end();
      while (i + 1 < emphasis.size() && emphasis.get(i + 1).start() >= end
          && quote.substring(end, Math.min(quote.length(), emphasis.get(i + 1).start())).isBlank()) {
        end = emphasis.get(++i).end();
      }
      i++;
      end = Math.min(end, quote.length());
      while (start < end && Character.isWhitespace(quote.charAt(start))) start++;
      while (end > start && Character.isWhitespace(quote.charAt(end - 1))) end--;
      boolean previousEnds = runs.isEmpty() || runs.get(runs.size() - 1).end() <= start;
      if (start < end && previousEnds && wordEdge(start - 1) && wordEdge(end)
          && quote.substring(start, end).indexOf('*') < 0) {
        runs.add(new Span(start, end));
      }
    }
    return runs;
  }

  private boolean wordEdge(int i) {
    return i < 0 || i >= quote.length() || !Character.isLetterOrDigit(quote.charAt(i));
  }

  /** A half-open character range [start, end) of the quote. */
  public record Span(int start, int end) {
    public Span {
      if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
