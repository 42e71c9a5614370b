package dev.storybot.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import dev.storybot.feedback.Feedback;
import java.util.List;
import java.util.Optional;

/**
 * What a 👍/👎 button carries, so that a click can be logged without the server remembering the answer: the
 * verdict, the question, and the excerpts shown (verbatim quotes shortened, or left out with their speakers, to fit
 * Slack's 2,000 characters).
 *
 * @param verdict {@link Feedback#UP} or {@link Feedback#DOWN}
 * @param ask the question answered
 * @param shown the excerpts the answer showed
 */
record FeedbackValue(@JsonProperty("v") String verdict, @JsonProperty("a") Ask ask,
                     @JsonProperty("x") List<Feedback.Shown> shown) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  /** Quote lengths tried, longest first, until the value fits; 0 leaves the quotes out. */
  private static final int[] QUOTE_CHARS = {Excerpt.MAX_QUOTE_CHARS, 150, 60, 0};

  FeedbackValue {
    shown = shown == null ? List.of() : List.copyOf(shown);
  }

  /** The button value for {@code verdict} on {@code answer} to {@code ask}; empty when even the shortest is too long. */
  static Optional<String> of(String verdict, Answer answer, Ask ask, int maxChars) {
    for (int quoteChars : QUOTE_CHARS) {
      List<Feedback.Shown> shown = answer.excerpts().stream().limit(3)
          .map(e -> new Feedback.Shown(e.storyId(), e.paragraph(), cut(e.quote(), quoteChars),
              quoteChars == 0 ? null : speaker(e))).toList();
      String v = write(new FeedbackValue(verdict, ask, shown));
      if (v.length() <= maxChars) return Optional.of(v);
    }
    return Optional.empty();
  }

  /** Reads a value written by {@link #of}; empty when it is not one. */
  static Optional<FeedbackValue> read(String value) {
    try {
      FeedbackValue v = JSON.readValue(value, FeedbackValue.class);
      return v.ask() == null || v.verdict() == null ? Optional.empty() : Optional.of(v);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  // Who said the quote, as the reply named them: a 👎 on a misattributed quote can then be read for what it showed.
  private static String speaker(Excerpt e) {
    return e.speakers().isEmpty() ? null : String.join("; ", e.speakers().stream().map(Excerpt.Voice::name).toList());
  }

  // A beginning of the quote, never an ellipsis: a gold answer must stay a verbatim part of the story.
  private static String cut(String quote, int max) {
    if (max == 0) return null;
    return quote.length() <= max ? quote : quote.substring(0, max).strip();
  }

  private static String write(FeedbackValue v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
