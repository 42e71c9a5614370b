package dev.storybot.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one generation's collection was built from, kept as a property of the alias (one per collection) because a
 * Solr commit cannot carry user data as the embedded index's does. Written before the alias moves to the collection.
 *
 * @param stories stories indexed
 * @param paragraphs paragraphs (documents) indexed
 * @param builtAt when the build started, after the stories were read
 * @param schemaVersion {@code IndexSchema.VERSION} of the writer
 * @param fingerprint a digest of the stories as indexed, to tell an unchanged folder (see {@link StoryFingerprint})
 * @param model the embedding model of the paragraphs' vectors, or null when the collection holds words alone (as
 *     every collection built before storybot wrote vectors to Solr)
 */
record Build(int stories, int paragraphs, Instant builtAt, String schemaVersion, String fingerprint, String model) {

  private static final ObjectMapper JSON = new ObjectMapper();

  String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stories", stories);
    m.put("paragraphs", paragraphs);
    m.put("builtAt", builtAt.toString());
    m.put("schemaVersion", schemaVersion);
    m.put("fingerprint", fingerprint);
    if (model != null) m.put("model", model);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and numbers is always JSON", e);
    }
  }

  /** The build written by {@link #toJson}, or null when {@code json} is not one (written by someone else). */
  static Build parse(String json) {
    if (json == null) return null;
    try {
      Map<?, ?> m = JSON.readValue(json, Map.class);
      return new Build(((Number) m.get("stories")).intValue(), ((Number) m.get("paragraphs")).intValue(),
          Instant.parse((String) m.get("builtAt")), (String) m.get("schemaVersion"), (String) m.get("fingerprint"),
          (String) m.get("model"));
    } catch (JsonProcessingException | ClassCastException | NullPointerException | DateTimeParseException e) {
      return null;
    }
  }
}
