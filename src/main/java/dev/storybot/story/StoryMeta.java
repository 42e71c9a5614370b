package dev.storybot.story;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Attribution fields as read from a file, front matter or sidecar, each null when not given.
 *
 * @param title headline
 * @param source publication
 * @param byline author(s)
 * @param published publication date as written
 * @param url canonical link
 */
record StoryMeta(String title, String source, String byline, String published, String url) {

  static final StoryMeta NONE = new StoryMeta(null, null, null, null, null);

  StoryMeta {
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
  static StoryMeta of(Map<?, ?> fields) throws StoryFormatException {
    return new StoryMeta(
        text(fields, "title"),
        text(fields, "source"),
        firstOf(text(fields, "byline"), text(fields, "author"), text(fields, "authors")),
        firstOf(text(fields, "published"), text(fields, "date")),
        text(fields, "url"));
  }

  /** These fields, with every field {@code other} gives taking precedence. */
  StoryMeta overriddenBy(StoryMeta other) {
    return new StoryMeta(
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
    if (value instanceof List<?> list && list.stream().allMatch(StoryMeta::isScalar)) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (!isScalar(value)) throw new StoryFormatException("\"" + name + "\" must be text");
    return String.valueOf(value);
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
