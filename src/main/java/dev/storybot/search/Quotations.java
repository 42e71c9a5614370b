package dev.storybot.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The quotations of a paragraph: its quotation marks paired, curly (“…”, ‘…’) or straight ("…", '…'), nested
 * single quotes inside double ones. A closing mark with no opening one means the quotation began before the
 * paragraph (news stories reopen a quote that runs over several paragraphs); an opening mark never closed means
 * it runs on after it. A right single quote between letters, or with no single quote open, is an apostrophe
 * ("we’ve", "Hamas’ inhumanity"), not a mark.
 */
public final class Quotations {

  /**
   * One quotation.
   *
   * @param open position of its opening mark, or -1 when it opened before the paragraph
   * @param close position of its closing mark, or -1 when it runs past the paragraph's end
   * @param depth 0 for a quotation, 1 for a quotation inside it, and so on
   * @param doubled whether its marks are double quotes (“ ” or ")
   */
  public record Quotation(int open, int close, int depth, boolean doubled) {

    /** The opening mark to write for it (curly). */
    public String openMark() {
      return doubled ? "“" : "‘";
    }

    /** The closing mark to write for it (curly). */
    public String closeMark() {
      return doubled ? "”" : "’";
    }

    /** Where its words are, marks excluded, in a paragraph of {@code length} characters. */
    public TextRange inside(int length) {
      return new TextRange(open + 1, close < 0 ? length : close);
    }

    /** Whether position {@code pos} lies within its marks (the marks included). */
    public boolean covers(int pos, int length) {
      return pos >= Math.max(open, 0) && pos <= (close < 0 ? length : close);
    }
  }

  /**
   * The marks that keep a cut quote balanced: openers to put before it for quotations it closes but does not open,
   * closers to put after it for those it opens but does not close (outermost opener first, innermost closer first).
   *
   * @param before marks to write before the quote, in order
   * @param after marks to write after the quote, in order
   */
  public record Balance(String before, String after) {

    /** Nothing to add. */
    public boolean balanced() {
      return before.isEmpty() && after.isEmpty();
    }
  }

  private record Open(int pos, boolean doubled, boolean straight) {}

  private Quotations() {}

  /** The quotations of {@code text}, ordered by where they start. */
  public static List<Quotation> of(String text) {
    List<Quotation> out = new ArrayList<>();
    Deque<Open> open = new ArrayDeque<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '“', '«', '„' -> open.push(new Open(i, true, false));
        case '”', '»' -> closeDouble(out, open, i);
        case '"' -> {
          if (open.stream().anyMatch(Open::doubled)) {
            closeDouble(out, open, i);
          } else if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
            open.push(new Open(i, true, true));
          } else {
            closeDouble(out, open, i);
          }
        }
        case '‘' -> {
          if (!elision(text, i)) open.push(new Open(i, false, false));
        }
        case '’', '\'' -> {
          boolean inWord = i > 0 && i + 1 < text.length()
              && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
          if (inWord) continue;
          if (!open.isEmpty() && !open.peek().doubled()) {
            Open o = open.pop();
            out.add(new Quotation(o.pos(), i, open.size(), false));
          } else if (c == '\'' && opensSingle(text, i)) {
            open.push(new Open(i, false, true));
          }
        }
        default -> { }
      }
    }
    // Left open: a double quote runs on past the paragraph; a lone straight single quote was an apostrophe.
    while (!open.isEmpty()) {
      Open o = open.pop();
      if (o.doubled() || !o.straight()) out.add(new Quotation(o.pos(), -1, open.size(), o.doubled()));
    }
    out.sort(Comparator.comparingInt(Quotation::open).thenComparingInt(Quotation::depth));
    return out;
  }

  /** The top-level quotations only. */
  public static List<Quotation> outer(String text) {
    return of(text).stream().filter(q -> q.depth() == 0).toList();
  }

  /** The marks {@code range} of {@code text} needs so that every quotation mark in it has its partner. */
  public static Balance balance(String text, TextRange range) {
    List<Quotation> before = new ArrayList<>();
    List<Quotation> after = new ArrayList<>();
    for (Quotation q : of(text)) {
      boolean opensInside = q.open() >= range.start() && q.open() < range.end();
      boolean closesInside = q.close() >= range.start() && q.close() < range.end();
      if (closesInside && !opensInside) before.add(q);
      if (opensInside && !closesInside) after.add(q);
    }
    before.sort(Comparator.comparingInt(Quotation::depth));
    after.sort(Comparator.comparingInt(Quotation::depth).reversed());
    StringBuilder b = new StringBuilder();
    before.forEach(q -> b.append(q.openMark()));
    StringBuilder a = new StringBuilder();
    after.forEach(q -> a.append(q.closeMark()));
    return new Balance(b.toString(), a.toString());
  }

  // A closing double mark closes the innermost open double quotation (and any single quote left open inside it,
  // which was an apostrophe after all); with none open, the quotation began before the paragraph.
  private static void closeDouble(List<Quotation> out, Deque<Open> open, int i) {
    if (open.stream().noneMatch(Open::doubled)) {
      out.add(new Quotation(-1, i, open.size(), true));
      return;
    }
    Open o = open.pop();
    while (!o.doubled()) o = open.pop();
    out.add(new Quotation(o.pos(), i, open.size(), true));
  }

  // "‘90s", "’til": a left single mark before a number or a clipped word is an elision, not a quotation.
  private static boolean elision(String text, int i) {
    return i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
  }

  // A straight single quote opens a quotation after a space, an opening mark or a bracket, before a letter.
  private static boolean opensSingle(String text, int i) {
    boolean afterBreak = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "“\"([—–-".indexOf(text.charAt(i - 1)) >= 0;
    return afterBreak && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)) && !elision(text, i);
  }
}
