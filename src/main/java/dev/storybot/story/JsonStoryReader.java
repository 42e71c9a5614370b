package dev.storybot.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON stories ({@code .json}): one object with {@code title}, optional {@code source}, {@code byline}/{@code author},
 * {@code published}/{@code date}, {@code url}, and the body as {@code paragraphs} (array of strings) or {@code body}
 * (text, paragraphs separated by blank lines). The story's id is the file's.
 */
final class JsonStoryReader implements StoryReader {

  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Override
  public List<StoryDraft> read(String id, String text, List<String> problems) throws StoryFormatException {
    Object value;
    try {
      value = JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw StoryFormatException.parse("malformed JSON", e, 0);
    }
    if (!(value instanceof Map<?, ?> fields)) {
      throw new StoryFormatException("expected one story object {\"title\": …}; for one story a line use .jsonl");
    }
    return List.of(draft(id, null, fields));
  }

  /** A story from its JSON fields; shared with the JSON-lines reader. */
  static StoryDraft draft(String id, String location, Map<?, ?> fields) throws StoryFormatException {
    Attribution meta = Attribution.of(fields);
    if (meta.title() == null) throw new StoryFormatException("missing \"title\"");
    return new StoryDraft(id, location, meta, paragraphs(fields));
  }

  private static List<String> paragraphs(Map<?, ?> fields) throws StoryFormatException {
    Object paragraphs = fields.get("paragraphs");
    if (paragraphs != null) {
      if (!(paragraphs instanceof List<?> list) || !list.stream().allMatch(p -> p instanceof String)) {
        throw new StoryFormatException("\"paragraphs\" must be an array of strings");
      }
      List<String> result = new ArrayList<>();
      for (Object p : list) result.add((String) p);
      return result;
    }
    Object body = fields.get("body");
    if (body == null) throw new StoryFormatException("missing \"paragraphs\" or \"body\"");
    if (!(body instanceof String text)) throw new StoryFormatException("\"body\" must be text");
    return Paragraphs.blocks(text);
  }
}
