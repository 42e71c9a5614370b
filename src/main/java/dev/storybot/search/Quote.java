package dev.storybot.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A quote as a reader sees it: runs of a paragraph's own words ({@link Kind#VERBATIM}), with what the bot adds
 * between them marked as such: a word in square brackets that stands for one it left out ({@link Kind#BRACKETED},
 * "[Blinken] also repeatedly advocated …"), an ellipsis where it left words out ({@link Kind#ELLIPSIS}), and the
 * quotation marks that keep a cut quotation balanced ({@link Kind#MARK}).
 *
 * <p>Renderers emphasise words only inside verbatim segments ({@link #emphasis}); {@code ask --json} keeps giving
 * the verbatim text of {@link #range()} as its {@code quote}, and may add {@link #text()} beside it.
 *
 * @param range the stretch of the paragraph the quote stands for; every verbatim segment lies inside it, in order
 * @param segments what to show, in order
 */
public record Quote(TextRange range, List<Segment> segments) {

  /** What a segment is. */
  public enum Kind {
    /** The paragraph's own words, exactly as written. */
    VERBATIM,
    /** Words the bot wrote in place of the story's, shown in square brackets. */
    BRACKETED,
    /** Words left out, shown as "…". */
    ELLIPSIS,
    /** A quotation mark added so that every mark in the quote has its partner. */
    MARK
  }

  /**
   * One piece of a quote.
   *
   * @param kind what it is
   * @param text its text without brackets (the paragraph's characters for a verbatim segment)
   * @param source where a verbatim segment is in the paragraph; null for any other kind
   */
  public record Segment(Kind kind, String text, TextRange source) {

    public Segment {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
      if ((kind == Kind.VERBATIM) != (source != null)) {
        throw new IllegalArgumentException("a " + kind + " segment " + (source == null ? "needs" : "has no") + " source");
      }
      if (source != null && source.length() != text.length()) {
        throw new IllegalArgumentException("segment text \"" + text + "\" does not fit its source " + source);
      }
    }

    /** The segment as shown: brackets around bracketed words, anything else as is. */
    public String shown() {
      return kind == Kind.BRACKETED ? "[" + text + "]" : text;
    }
  }

  public Quote {
    Objects.requireNonNull(range, "range");
    segments = List.copyOf(segments);
    int at = range.start();
    for (Segment s : segments) {
      if (s.source() == null) continue;
      if (s.source().start() < at || s.source().end() > range.end()) {
        throw new IllegalArgumentException("verbatim segment " + s.source() + " out of order or outside " + range);
      }
      at = s.source().end();
    }
  }

  /** The whole of {@code range} of {@code paragraph}, verbatim. */
  public static Quote verbatim(String paragraph, TextRange range) {
    return new Quote(range, List.of(new Segment(Kind.VERBATIM, range.of(paragraph), range)));
  }

  /** A verbatim segment of {@code paragraph}. */
  public static Segment words(String paragraph, TextRange range) {
    return new Segment(Kind.VERBATIM, range.of(paragraph), range);
  }

  /** A non-verbatim segment: bracketed words, an ellipsis or a mark. */
  public static Segment added(Kind kind, String text) {
    return new Segment(kind, text, null);
  }

  /** The quote as shown in plain text. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) sb.append(s.shown());
    return sb.toString();
  }

  /** Whether the quote is the paragraph's words alone, with nothing added. */
  public boolean isVerbatim() {
    return segments.stream().allMatch(s -> s.kind() == Kind.VERBATIM);
  }

  /**
   * Where words of the paragraph ({@code ranges}, paragraph coordinates) are in {@link #text()}: only those that lie
   * wholly inside one verbatim segment, so that emphasis never falls on a word the story did not write.
   */
  public List<TextRange> emphasis(List<TextRange> ranges) {
    List<TextRange> out = new ArrayList<>();
    for (TextRange r : ranges) {
      int at = 0;
      for (Segment s : segments) {
        TextRange src = s.source();
        if (src != null && r.start() >= src.start() && r.end() <= src.end()) {
          int from = at + r.start() - src.start();
          out.add(new TextRange(from, from + r.length()));
          break;
        }
        at += s.shown().length();
      }
    }
    return out;
  }
}
