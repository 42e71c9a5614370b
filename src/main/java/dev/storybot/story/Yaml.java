package dev.storybot.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;

/** YAML attribution fields, as written in sidecar files and markdown front matter. */
final class Yaml {

  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  private Yaml() {}

  /**
   * The attribution fields in {@code text}; {@code lineOffset} is the line of the file just before the YAML starts,
   * so errors name the file's own line.
   */
  static Attribution meta(String text, int lineOffset) throws StoryFormatException {
    if (text.isBlank()) return Attribution.NONE;
    Object fields;
    try {
      fields = MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw StoryFormatException.parse("malformed YAML", e, lineOffset);
    }
    if (fields == null) return Attribution.NONE;
    if (!(fields instanceof Map<?, ?> map)) {
      throw new StoryFormatException("YAML must be \"key: value\" lines (title, source, author, published, url)");
    }
    return Attribution.of(map);
  }
}
