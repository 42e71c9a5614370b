package dev.storybot.search;

/**
 * A half-open character range [start, end) of some text (a paragraph, a sentence, a matched word).
 *
 * @param start first character
 * @param end one past the last character
 */
public record TextRange(int start, int end) {

  public TextRange {
    if (start < 0 || end < start) throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
  }

  /** Characters covered. */
  public int length() {
    return end - start;
  }

  /** The covered characters of {@code text}. */
  public String of(String text) {
    return text.substring(start, end);
  }

  /** This range moved {@code delta} characters to the left (e.g. from paragraph to quote coordinates). */
  public TextRange shiftLeft(int delta) {
    return new TextRange(start - delta, end - delta);
  }
}
