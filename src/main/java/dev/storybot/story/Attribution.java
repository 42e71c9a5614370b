package dev.storybot.story;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a story comes from, as a reader should see it beside a quote: headline, publication, byline, date and link.
 * Read from a file, front matter or sidecar, carried through the index to every excerpt. Each field is null when
 * not given (a {@link Story} always has a headline).
 *
 * @param title headline
 * @param source publication
 * @param byline author(s)
 * @param published publication date as written
 * @param url canonical link
 */
public record Attribution(String title, String source, String byline, String published, String url) {

  /** No field known. */
  public static final Attribution NONE = new Attribution(null, null, null, null, null);

  public Attribution {
    title = clean(title);
    source = clean(source);
    byline = clean(byline);
    published = clean(published);
    url = clean(url);
  }

  /**
   * Reads the usual field names, with the aliases editors use: {@code author}/{@code authors} for byline,
   * {@code date} for published. A list of authors is joined with commas.
   *
   * @throws StoryFormatException when a field holds an object instead of text
   */
  static Attribution of(Map<?, ?> fields) throws StoryFormatException {
    return new Attribution(
        text(fields, "title"),
        text(fields, "source"),
        firstOf(text(fields, "byline"), text(fields, "author"), text(fields, "authors")),
        firstOf(text(fields, "published"), text(fields, "date")),
        text(fields, "url"));
  }

  /** These fields, with every field {@code other} gives taking precedence. */
  Attribution overriddenBy(Attribution other) {
    return new Attribution(
        firstOf(other.title, title),
        firstOf(other.source, source),
        firstOf(other.byline, byline),
        firstOf(other.published, published),
        firstOf(other.url, url));
  }

  /** A field's value as text, or null when absent; lists of scalars are joined with ", ". */
  static String text(Map<?, ?> fields, String name) throws StoryFormatException {
    Object value = fields.get(name);
    if (value == null) return null;
    if (value instanceof List<?> list && list.stream().allMatch(Attribution::isScalar)) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (!isScalar(value)) throw new StoryFormatException("\"" + name + "\" must be text");
    return String.valueOf(value);
  }

  /** This attribution with {@code title} as the headline. */
  public Attribution withTitle(String title) {
    return new Attribution(title, source, byline, published, url);
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static String firstOf(String... values) {
    for (String v : values) if (v != null) return v;
    return null;
  }

  private static String clean(String value) {
    if (value == null) return null;
    String folded = Paragraphs.fold(value);
    return folded.isEmpty() ? null : folded;
  }
}
