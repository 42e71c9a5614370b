package dev.storybot.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * One question as asked in Slack, carried in the value of a reply's buttons so that a click can ask it again
 * (next page, feedback) without the server remembering anything.
 *
 * @param question the question as typed, filters included ({@code source:CNN …})
 * @param context the earlier question of the thread it follows up on, or null
 * @param offset how many excerpts come before the page shown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ask(@JsonProperty("q") String question, @JsonProperty("c") String context, @JsonProperty("o") int offset) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public Ask {
    if (question == null || question.isBlank()) throw new IllegalArgumentException("blank question");
    if (offset < 0) throw new IllegalArgumentException("negative offset " + offset);
    if (context != null && context.isBlank()) context = null;
  }

  /** A fresh question: no context, first page. */
  public static Ask of(String question) {
    return new Ask(question, null, 0);
  }

  /** The same question, {@code shown} excerpts further on. */
  public Ask next(int shown) {
    return new Ask(question, context, offset + shown);
  }

  /** The compact JSON a button value carries. */
  public String toValue() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a button value written by {@link #toValue()}; a plain string (a value from before buttons carried JSON)
   * is a fresh question. Empty when the value holds no question at all.
   */
  public static Optional<Ask> fromValue(String value) {
    if (value == null || value.isBlank()) return Optional.empty();
    if (value.startsWith("{")) {
      try {
        return Optional.of(JSON.readValue(value, Ask.class));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return Optional.empty();  // not ours, or tampered with: nothing to answer
      }
    }
    String q = SlackText.question(value);
    return q.isEmpty() ? Optional.empty() : Optional.of(of(q));
  }
}
