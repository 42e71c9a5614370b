package dev.storybot.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON-lines stories ({@code .jsonl}): one story object a line, fields as for {@code .json}. A story's id is its
 * {@code id} field, else {@code <file>#<line number>}. A bad line is reported with its number and the rest are read.
 */
final class JsonLinesStoryReader implements StoryReader {

  @Override
  public List<StoryDraft> read(String id, String text, List<String> problems) {
    List<StoryDraft> drafts = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      String location = "line " + (i + 1);
      try {
        drafts.add(story(id, location, i + 1, lines[i]));
      } catch (StoryFormatException e) {
        problems.add(location + ": " + e.getMessage());
      }
    }
    return drafts;
  }

  private static StoryDraft story(String fileId, String location, int lineNumber, String line)
      throws StoryFormatException {
    Object value;
    try {
      value = JsonStoryReader.JSON.readValue(line, Object.class);
    } catch (JsonProcessingException e) {
      throw StoryFormatException.parseInLine("malformed JSON", e);
    }
    if (!(value instanceof Map<?, ?> fields)) throw new StoryFormatException("expected a story object {\"title\": …}");
    String ownId = Attribution.text(fields, "id");
    String id = ownId == null || ownId.isBlank() ? fileId + "#" + lineNumber : ownId.strip();
    return JsonStoryReader.draft(id, location, fields);
  }
}
