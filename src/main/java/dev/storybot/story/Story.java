package dev.storybot.story;

import java.util.List;
import java.util.Objects;

/**
 * One story: its stable id (its file's path relative to the stories folder, e.g. "blinken.txt"; for a .jsonl story
 * its "id" field, else "file.jsonl#line"), attribution and paragraphs in reading order. Paragraph
 * numbers shown to users (¶N) are 1-based positions in {@link #paragraphs()}.
 *
 * @param id stable id, never blank
 * @param title headline, never blank
 * @param source publication ("CNN"), or null when unknown
 * @param byline author(s), or null
 * @param published publication date as written in ISO form (2023-11-06 or 2023-11-06T10:00:00Z), or null
 * @param url canonical link, or null
 * @param paragraphs the body, site chrome already removed; never empty
 */
public record Story(String id, String title, String source, String byline, String published, String url,
                   List<String> paragraphs) {

  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    if (id.isBlank()) throw new IllegalArgumentException("story id is blank");
    if (title.isBlank()) throw new IllegalArgumentException("story " + id + " has a blank title");
    paragraphs = List.copyOf(paragraphs);
    if (paragraphs.isEmpty()) throw new IllegalArgumentException("story " + id + " has no paragraphs");
  }
}
