package dev.storybot.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One click on 👍 or 👎 under an answer: one line of the feedback log.
 *
 * @param time when it was clicked, ISO instant
 * @param verdict {@link #UP} or {@link #DOWN}
 * @param question the question as typed (filters included)
 * @param context the earlier question it followed up on, or null
 * @param offset excerpts before those shown (0 for the first page)
 * @param user who clicked
 * @param channel where
 * @param excerpts what the answer showed, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Feedback(String time, String verdict, String question, String context, int offset, String user,
                       String channel, List<Shown> excerpts) {

  /** The verdict of 👍. */
  public static final String UP = "up";
  /** The verdict of 👎. */
  public static final String DOWN = "down";

  public Feedback {
    Objects.requireNonNull(question, "question");
    if (!UP.equals(verdict) && !DOWN.equals(verdict)) {
      throw new IllegalArgumentException("verdict must be \"up\" or \"down\", got " + verdict);
    }
    excerpts = excerpts == null ? List.of() : List.copyOf(excerpts);
  }

  /**
   * One excerpt an answer showed.
   *
   * @param story the story's id
   * @param paragraph 1-based paragraph number (¶N)
   * @param quote the quoted text, the story's words verbatim (its beginning when it was too long to carry), or null
   * @param speaker who said the quoted words, as the answer named them (several joined by "; "), or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Shown(String story, int paragraph, String quote, String speaker) {

    /** An excerpt whose speaker is unknown or not carried. */
    public Shown(String story, int paragraph, String quote) {
      this(story, paragraph, quote, null);
    }
  }
}
