package dev.storybot.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation question, as one line of the questions .jsonl file.
 *
 * @param story id of the story the question was written about (its file name without extension)
 * @param paragraph 0-based paragraph of that story the question was written from, or -1 when unknown
 * @param question the question as a user would ask it
 * @param answers gold answer strings; a quote containing any of them is a hit (empty when impossible)
 * @param impossible true when the stories do not answer the question (the bot should decline)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalQuestion(String story, Integer paragraph, String question, List<String> answers,
                           boolean impossible) {

  public EvalQuestion {
    Objects.requireNonNull(story, "missing \"story\"");
    Objects.requireNonNull(question, "missing \"question\"");
    if (question.isBlank()) throw new IllegalArgumentException("blank \"question\"");
    paragraph = paragraph == null ? -1 : paragraph;
    answers = answers == null ? List.of() : List.copyOf(answers);
    if (!impossible && answers.isEmpty()) {
      throw new IllegalArgumentException("answerable question without \"answers\": " + question);
    }
  }

  /** True when the question has gold answers to look for. */
  public boolean answerable() {
    return !impossible;
  }
}
