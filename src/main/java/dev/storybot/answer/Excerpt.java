package dev.storybot.answer;

import dev.storybot.search.Quote;
import dev.storybot.search.TextRange;
import dev.storybot.story.Attribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One quoted passage of an answer: the verbatim sentence(s) from a story paragraph, as a reader is shown them (with
 * any bracketed word, ellipsis or quotation mark the bot added), who said them when the paragraph says so, and the
 * story's attribution. Built in one place, the answer path; renderers only render it.
 *
 * @param storyId the story's stable id
 * @param attribution the story's headline, source, byline, date and link
 * @param paragraph 1-based paragraph number (¶N)
 * @param quote the story's own words, verbatim: the stretch of the paragraph the excerpt stands for, at most
 *     {@link #MAX_QUOTE_CHARS} characters (what `ask --json` gives as {@code quote} and evaluation reads)
 * @param score ranking score (higher is better; comparable only within one answer)
 * @param emphasis character ranges of {@link #text()} that answer the question, in order, not overlapping; only ever
 *     on the story's own words
 * @param shown the quote as shown: {@code quote}'s words with what the bot added marked ({@link Quote.Kind})
 * @param speakers who said the quoted words, in the order their words come; empty when the paragraph names no one
 */
public record Excerpt(String storyId, Attribution attribution, int paragraph, String quote, double score,
                      List<Span> emphasis, Quote shown, List<Voice> speakers) {

  /** The longest quote an excerpt may carry. */
  public static final int MAX_QUOTE_CHARS = 400;

  public Excerpt {
    Objects.requireNonNull(quote, "quote");
    emphasis = emphasis == null ? List.of() : List.copyOf(emphasis);
    if (shown == null) shown = Quote.verbatim(quote, new TextRange(0, quote.length()));
    speakers = speakers == null ? List.of() : List.copyOf(speakers);
    checkShownIsTheQuote(quote, shown);
  }

  /** An excerpt shown exactly as its verbatim quote, with no speaker. */
  public Excerpt(String storyId, Attribution attribution, int paragraph, String quote, double score,
                 List<Span> emphasis) {
    this(storyId, attribution, paragraph, quote, score, emphasis, null, List.of());
  }

  /** The headline. */
  public String title() {
    return attribution.title();
  }

  /** The quote as a reader sees it: the story's words, with "[…]" for added words, "…" and any added mark. */
  public String text() {
    return shown.text();
  }

  /** The speakers the quote does not name itself, for the attribution line ("Ayman Safadi, Jordanian foreign minister"). */
  public List<String> unnamedSpeakers() {
    return speakers.stream().filter(v -> !v.inQuote()).map(Voice::name).toList();
  }

  /**
   * The runs of {@link #text()} to show in bold, the one rule every renderer follows: spans trimmed of white space,
   * neighbours with only white space between them joined ("*Benjamin Netanyahu*", not "*Benjamin* *Netanyahu*"), and
   * only runs that begin and end at word edges, hold no asterisk (Slack's *bold* shows literally otherwise) and lie
   * within the story's own words (never on a bracketed word, an ellipsis or an added mark).
   */
  public List<Span> emphasisRuns() {
    String text = text();
    List<Span> verbatim = verbatimSpans();
    List<Span> runs = new ArrayList<>();
    int i = 0;
    while (i < emphasis.size()) {
      int start = emphasis.get(i).start();
      int end = emphasis.get(i).end();
      while (i + 1 < emphasis.size() && emphasis.get(i + 1).start() >= end
          && text.substring(end, Math.min(text.length(), emphasis.get(i + 1).start())).isBlank()) {
        end = emphasis.get(++i).end();
      }
      i++;
      end = Math.min(end, text.length());
      while (start < end && Character.isWhitespace(text.charAt(start))) start++;
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
      boolean previousEnds = runs.isEmpty() || runs.get(runs.size() - 1).end() <= start;
      int from = start;
      int to = end;
      if (start < end && previousEnds && wordEdge(text, start - 1) && wordEdge(text, end)
          && text.substring(start, end).indexOf('*') < 0
          && verbatim.stream().anyMatch(v -> v.start() <= from && to <= v.end())) {
        runs.add(new Span(start, end));
      }
    }
    return runs;
  }

  // Where the story's own words are in the shown text.
  private List<Span> verbatimSpans() {
    List<Span> out = new ArrayList<>();
    int at = 0;
    for (Quote.Segment s : shown.segments()) {
      int length = s.shown().length();
      if (s.kind() == Quote.Kind.VERBATIM) out.add(new Span(at, at + length));
      at += length;
    }
    return out;
  }

  private static boolean wordEdge(String text, int i) {
    return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
  }

  // The shown quote must stand for exactly the verbatim quote: same length, and every verbatim piece its words.
  private static void checkShownIsTheQuote(String quote, Quote shown) {
    TextRange range = shown.range();
    if (range.length() != quote.length()) {
      throw new IllegalArgumentException("shown quote covers " + range.length() + " characters, the quote has "
          + quote.length());
    }
    for (Quote.Segment s : shown.segments()) {
      if (s.source() == null) continue;
      String words = s.source().shiftLeft(range.start()).of(quote);
      if (!words.equals(s.text())) {
        throw new IllegalArgumentException("shown words \"" + s.text() + "\" are not the quote's \"" + words + "\"");
      }
    }
  }

  /** A half-open character range [start, end) of the shown text. */
  public record Span(int start, int end) {
    public Span {
      if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /**
   * Who said the words of an excerpt, as the paragraph says it.
   *
   * @param name the speaker for an attribution line: "Ayman Safadi, Jordanian foreign minister", "a White House
   *     readout" (the story's words, a title lower-cased where it follows the name)
   * @param inQuote whether the quote itself names the speaker ("…,” Jordanian Foreign Minister Ayman Safadi said."),
   *     so the attribution line need not
   */
  public record Voice(String name, boolean inQuote) {
    public Voice {
      if (name == null || name.isBlank()) throw new IllegalArgumentException("a speaker needs a name, got " + name);
    }
  }
}
