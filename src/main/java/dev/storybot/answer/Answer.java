package dev.storybot.answer;

import java.util.List;

/**
 * What the bot says to one question: excerpts when the stories answer it; otherwise the nearest headlines; or, when
 * the question could not be searched at all, a problem in words for the asker.
 *
 * @param question the question as typed, filters included
 * @param answered true when {@code excerpts} answer the question
 * @param excerpts best first; empty when not answered (or when a page asked for lies past the last excerpt)
 * @param nearest headlines of the stories closest to the question, offered when not answered
 * @param confidence 0..1, how sure the answerer is that the first excerpt answers
 * @param hasMore true when further excerpts exist beyond those returned
 * @param note what shaped the search ("Searched stories from CNN · Following up on …"), or null
 * @param problem why the question was not searched (a bad filter, filters matching no story), or null
 */
public record Answer(String question, boolean answered, List<Excerpt> excerpts, List<String> nearest,
                     double confidence, boolean hasMore, String note, String problem) {

  public Answer {
    excerpts = List.copyOf(excerpts);
    nearest = List.copyOf(nearest);
  }

  /** Excerpts that answer {@code question}. */
  public static Answer found(String question, List<Excerpt> excerpts, double confidence, boolean hasMore, String note) {
    return new Answer(question, true, excerpts, List.of(), confidence, hasMore, note, null);
  }

  /** Not in our stories; the nearest headlines offered instead. */
  public static Answer notFound(String question, List<String> nearest, double confidence, String note) {
    return new Answer(question, false, List.of(), nearest, confidence, false, note, null);
  }

  /** Not searched: {@code problem} says why and what to do. */
  public static Answer problem(String question, String problem, String note) {
    return new Answer(question, false, List.of(), List.of(), 0, false, note, problem);
  }
}
