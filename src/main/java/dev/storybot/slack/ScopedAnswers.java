package dev.storybot.slack;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.QuestionFilters;
import dev.storybot.search.Scope;
import dev.storybot.search.StoryCatalog;
import java.util.List;

/**
 * Answers an {@link Ask} the way Slack shows it: filters read out of the question, the thread's earlier question as
 * context, a channel's sources as a limit, and a plain word when the filters leave no story at all.
 */
final class ScopedAnswers {

  /**
   * What to show.
   *
   * @param answer the answer, with the question as the user typed it; null when {@code problem} says why not
   * @param note which filters applied ("Searched stories from CNN"), or null when none did
   * @param problem a filter that cannot be used or matches nothing, in words for the user; null otherwise
   */
  record Result(Answer answer, String note, String problem) {}

  private final Answerer answerer;
  private final StoryCatalog catalog;

  ScopedAnswers(Answerer answerer, StoryCatalog catalog) {
    this.answerer = answerer;
    this.catalog = catalog;
  }

  /** Answers {@code ask} within {@code channelSources} (empty: every source). */
  Result answer(Ask ask, List<String> channelSources) {
    QuestionFilters.Filtered filtered;
    try {
      filtered = QuestionFilters.parse(ask.question());
    } catch (QuestionFilters.BadFilter e) {
      return new Result(null, null, "I couldn't use that filter: " + e.getMessage() + ".");
    }
    Scope scope = filtered.scope().withShelf(channelSources).withContext(ask.context());
    String note = scope.filters() ? "Searched " + scope.describe() : null;
    if (ask.context() != null) {
      String following = "Following up on \u201c" + SlackText.truncate(ask.context(), 80) + "\u201d";
      note = note == null ? following : note + " · " + following;
    }
    if (filtered.question().isEmpty()) {
      return new Result(null, note, "Add a question to the filters, e.g. `source:CNN what did Blinken say?`");
    }
    Answer a = answerer.answer(filtered.question(), scope, ask.offset(), Answerer.DEFAULT_EXCERPTS);
    if (!a.answered() && scope.filters() && catalog.count(scope.withoutContext()) == 0) {
      return new Result(null, note, "None of our stories match the filters (" + scope.describe() + "). "
          + "Try fewer filters, or `" + StorybotApp.COMMAND + " list` to see which stories we have.");
    }
    // Replies repeat the question as typed, filters and all.
    return new Result(new Answer(ask.question(), a.answered(), a.excerpts(), a.nearest(), a.confidence(), a.hasMore()),
        note, null);
  }
}
