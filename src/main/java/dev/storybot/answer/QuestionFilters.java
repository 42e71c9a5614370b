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

  private static final Pattern FILTER = Pattern.compile(
      "(?i)(?<![\\w:])(in|source|after|before):(?:\"([^\"]*)\"|\u201c([^\u201d]*)\u201d|(\\S+))");

  /**
   * A question with its filters taken out.
   *
   * @param question the words left to search for (may be empty when the question was only filters)
   * @param scope what the filters narrow the search to
   */
  public record Filtered(String question, Scope scope) {}

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
    Matcher m = FILTER.matcher(question);
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      String key = m.group(1).toLowerCase(Locale.ROOT);
      String value = value(m);
      if (value.isEmpty()) throw new BadFilter(key + ": needs a value, e.g. " + example(key));
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
          new Scope(sources, List.of(), headline, after, before, null));
    } catch (IllegalArgumentException e) {
      throw new BadFilter(e.getMessage());
    }
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
