package dev.storybot.answer;

import java.util.List;

/**
 * One quoted passage of an answer: the verbatim sentence(s) from a story paragraph with its attribution.
 *
 * @param storyId the story's stable id
 * @param title the story's headline
 * @param source publication, or null
 * @param byline author(s), or null
 * @param published ISO date, or null
 * @param url link, or null
 * @param paragraph 1-based paragraph number (¶N)
 * @param quote verbatim text from the paragraph, at most {@link #MAX_QUOTE_CHARS} characters
 * @param score ranking score (higher is better; comparable only within one answer)
 * @param emphasis character ranges of {@code quote} that answer the question, in order, not overlapping
 */
public record Excerpt(String storyId, String title, String source, String byline, String published, String url,
                      int paragraph, String quote, double score, List<Span> emphasis) {

  /** The longest quote an excerpt may carry. */
  public static final int MAX_QUOTE_CHARS = 400;

  public Excerpt {
    emphasis = emphasis == null ? List.of() : List.copyOf(emphasis);
  }

  /** A half-open character range [start, end) of the quote. */
  public record Span(int start, int end) {
    public Span {
      if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
