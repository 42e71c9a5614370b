package dev.storybot.answer;

import java.util.List;

/**
 * What the bot says to one question: excerpts when the stories answer it, otherwise the nearest headlines.
 *
 * @param question the question as asked
 * @param answered true when {@code excerpts} answer the question
 * @param excerpts best first; empty when not answered
 * @param nearest headlines of the stories closest to the question, offered when not answered
 * @param confidence 0..1, how sure the answerer is that the first excerpt answers
 * @param hasMore true when further excerpts exist beyond those returned
 */
public record Answer(String question, boolean answered, List<Excerpt> excerpts, List<String> nearest,
                     double confidence, boolean hasMore) {

  public Answer {
    excerpts = List.copyOf(excerpts);
    nearest = List.copyOf(nearest);
  }

  /** A not-found answer offering the given nearest headlines. */
  public static Answer notFound(String question, List<String> nearest, double confidence) {
    return new Answer(question, false, List.of(), nearest, confidence, false);
  }
}
