package dev.storybot.answer;

/** Hears of every answer given and every failure, e.g. to time and count them. */
public interface AnswerObserver {

  /** Hears nothing. */
  AnswerObserver NONE = new AnswerObserver() {};

  /** {@code answer} was given after {@code nanos} nanoseconds. */
  default void answered(Answer answer, long nanos) {}

  /** Answering failed with {@code error}, which is rethrown to the caller. */
  default void failed(RuntimeException error) {}
}
