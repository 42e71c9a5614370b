package dev.storybot.answer;

import dev.storybot.search.Scope;

/** Answers questions from the indexed stories; the one path that `ask`, `eval` and Slack all use. */
public interface Answerer {

  /** Answers with at most {@code limit} excerpts, skipping the first {@code offset} (for "more excerpts"). */
  Answer answer(String question, int offset, int limit);

  /**
   * Answers within {@code scope} (filters, an earlier question as context). An answerer that cannot filter takes
   * only {@link Scope#ALL}.
   */
  default Answer answer(String question, Scope scope, int offset, int limit) {
    if (!scope.isAll()) throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot filter stories");
    return answer(question, offset, limit);
  }

  /** Answers with the default number of excerpts. */
  default Answer answer(String question) {
    return answer(question, 0, DEFAULT_EXCERPTS);
  }

  /** How many excerpts a reply shows unless asked otherwise. */
  int DEFAULT_EXCERPTS = 3;
}
