package dev.storybot.answer;

import dev.storybot.search.Scope;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads filters written inside a question — {@code in:"hostage talks"}, {@code source:CNN},
 * {@code after:2023-11-01}, {@code before:2023-12-01} — and returns the question without them and the
 * {@link Scope} they make. Values with spaces go in straight or curly quotes (Slack curls them).
 */
public final class QuestionFilters {

  private static final Pattern NEXT_NAME_WORD = Pattern.compile("\\s+(\\p{Lu}[\\p{L}\\p{N}'’.-]*)");
  private static final Pattern FILTER = Pattern.compile(
      "(?i)(?<![\\w:])(in|source|after|before):(?:\"([^\"]*)\"|\u201c([^\u201d]*)\u201d|(\\S+))");

  /**
   * A question with its filters taken out.
   *
   * @param question the words left to search for (may be empty when the question was only filters)
   * @param scope what the filters narrow the search to
   * @param longerSource when an unquoted {@code source:} is followed by a capitalised word, the source as it reads
   *     with that word too, to suggest when no story matches ({@code source:Riverton Ledger}); else null
   */
  public record Filtered(String question, Scope scope, LongerSource longerSource) {

    /** This question's scope with the {@link #longerSource} in place of the source as typed, or null without one. */
    public Scope scopeWithLongerSource() {
      if (longerSource == null) return null;
      List<String> sources = scope.sources().stream()
          .map(s -> s.equals(longerSource.typed()) ? longerSource.longer() : s).toList();
      return new Scope(sources, scope.shelf(), scope.headline(), scope.after(), scope.before(), null);
    }
  }

  /**
   * An unquoted source that may have been meant with the next word.
   *
   * @param typed the source as read ({@code Riverton})
   * @param longer with the next word ({@code Riverton Ledger})
   */
  public record LongerSource(String typed, String longer) {
    /** The filter as it must be written: {@code source:"Riverton Ledger"}. */
    public String quoted() {
      return "source:\"" + longer + "\"";
    }
  }

  /** A filter whose value is not usable; the message says what to write instead. */
  public static final class BadFilter extends IllegalArgumentException {
    public BadFilter(String message) {
      super(message);
    }
  }

  private QuestionFilters() {}

  /**
   * Takes the filters out of {@code question}.
   *
   * @throws BadFilter when a date is not a date, a value is empty, or after: is not before before:
   */
  public static Filtered parse(String question) {
    List<String> sources = new ArrayList<>();
    String headline = null;
    LocalDate after = null;
    LocalDate before = null;
    LongerSource longer = null;
    Matcher m = FILTER.matcher(question);
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      String key = m.group(1).toLowerCase(Locale.ROOT);
      String value = value(m);
      if (value.isEmpty()) throw new BadFilter(key + ": needs a value, e.g. " + example(key));
      if (key.equals("source") && m.group(4) != null && longer == null) longer = longerSource(m, question);
      switch (key) {
        case "source" -> sources.add(value);
        case "in" -> headline = headline == null ? value : headline + " " + value;
        case "after" -> after = date(key, value);
        default -> before = date(key, value);
      }
      m.appendReplacement(rest, " ");
    }
    m.appendTail(rest);
    try {
      return new Filtered(rest.toString().replaceAll("\\s+", " ").strip(),
          new Scope(sources, List.of(), headline, after, before, null), longer);
    } catch (IllegalArgumentException e) {
      throw new BadFilter(e.getMessage());
    }
  }

  // "source:Riverton Ledger what…" is read as source Riverton and the words "Ledger what…": a name of more words
  // needs quotes, which the asker may not know. The answerer offers the quoted form when it would match stories;
  // it is never applied, as the next word may be part of the question.
  private static LongerSource longerSource(Matcher m, String question) {
    Matcher next = NEXT_NAME_WORD.matcher(question).region(m.end(), question.length());
    return next.lookingAt() ? new LongerSource(m.group(4), m.group(4) + " " + next.group(1)) : null;
  }

  private static String value(Matcher m) {
    for (int g = 2; g <= 4; g++) {
      if (m.group(g) != null) return m.group(g).strip();
    }
    return "";
  }

  private static LocalDate date(String key, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadFilter(key + ": needs a date written year-month-day, e.g. " + example(key) + " (got \"" + value + "\")");
    }
  }

  private static String example(String key) {
    return switch (key) {
      case "source" -> "source:CNN or source:\"Harbour Gazette\"";
      case "in" -> "in:\"hostage talks\"";
      case "after" -> "after:2023-11-01";
      default -> "before:2023-12-01";
    };
  }
}
