package dev.storybot.cli;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.search.Scope;

/** Stands in for the real answerer while `serve` loads the index, so the server can listen (and say 503) meanwhile. */
final class DeferredAnswerer implements Answerer {

  private volatile Answerer delegate;

  /** From now on, questions go to {@code answerer}. */
  void ready(Answerer answerer) {
    delegate = answerer;
  }

  @Override
  public Answer answer(String question, int offset, int limit) {
    return delegate().answer(question, offset, limit);
  }

  @Override
  public Answer answer(String question, Scope scope, int offset, int limit) {
    return delegate().answer(question, scope, offset, limit);
  }

  private Answerer delegate() {
    Answerer a = delegate;
    // The server refuses Slack's requests until the index is in, so this only fires on a race with start-up.
    if (a == null) throw new IllegalStateException("the stories are still loading");
    return a;
  }
}
