package dev.storybot.answer;

/** Answers a question from the stories: the one entry point that `ask`, `eval`, `bench` and every Slack surface use. */
@FunctionalInterface
public interface Answerer {

  /** The answer to {@code question}, with every notice a person should see (filters applied, problems). */
  Answer answer(Question question);
}
