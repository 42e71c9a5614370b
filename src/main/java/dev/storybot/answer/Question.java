package dev.storybot.answer;

import java.util.List;

/**
 * A whole question as one surface received it: what was typed (filters and all), the thread it follows up on, the
 * sources its channel may search, and which page of excerpts is wanted. Every surface builds one and hands it to
 * {@link Answerer#answer(Question)}.
 *
 * @param text the question as typed, e.g. {@code source:CNN what did Blinken say?}
 * @param context the earlier question of the same thread, read as low-weight context, or null
 * @param channelSources publications the asking channel is limited to; empty: every source
 * @param offset excerpts to skip (the pages already shown)
 * @param limit excerpts wanted at most
 */
public record Question(String text, String context, List<String> channelSources, int offset, int limit) {

  /** How many excerpts a reply shows unless asked otherwise. */
  public static final int DEFAULT_LIMIT = 3;

  public Question {
    if (text == null) throw new IllegalArgumentException("question text is null");
    if (context != null && context.isBlank()) context = null;
    channelSources = List.copyOf(channelSources);
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative, was " + offset);
    if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
  }

  /** A fresh question: no thread, every source, the first {@link #DEFAULT_LIMIT} excerpts. */
  public static Question of(String text) {
    return new Question(text, null, List.of(), 0, DEFAULT_LIMIT);
  }

  /** This question asking for at most {@code n} excerpts. */
  public Question withLimit(int n) {
    return new Question(text, context, channelSources, offset, n);
  }
}
