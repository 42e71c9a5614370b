package dev.storybot.story;

import java.util.List;
import java.util.Objects;

/**
 * One story: its stable id (its file's path relative to the stories folder, e.g. "blinken.txt"; for a .jsonl story
 * its "id" field, else "file.jsonl#line"), attribution and paragraphs in reading order. Paragraph
 * numbers shown to users (¶N) are 1-based positions in {@link #paragraphs()}.
 *
 * @param id stable id, never blank
 * @param attribution headline (never blank), source, byline, date and link
 * @param paragraphs the body, site chrome already removed; never empty
 */
public record Story(String id, Attribution attribution, List<String> paragraphs) {

  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(attribution, "attribution");
    if (id.isBlank()) throw new IllegalArgumentException("story id is blank");
    if (attribution.title() == null) throw new IllegalArgumentException("story " + id + " has a blank title");
    paragraphs = List.copyOf(paragraphs);
    if (paragraphs.isEmpty()) throw new IllegalArgumentException("story " + id + " has no paragraphs");
  }

  /** The headline. */
  public String title() {
    return attribution.title();
  }
}
