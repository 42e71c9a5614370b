package dev.storybot.slack;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.metrics.Metrics;
import dev.storybot.search.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Times every answer and counts answered, not-found and failed questions; the question text only at DEBUG. */
final class MeteredAnswerer implements Answerer {

  private static final Logger log = LoggerFactory.getLogger(MeteredAnswerer.class);

  private final Answerer answerer;
  private final Metrics metrics;

  MeteredAnswerer(Answerer answerer, Metrics metrics) {
    this.answerer = answerer;
    this.metrics = metrics;
  }

  @Override
  public Answer answer(String question, int offset, int limit) {
    return answer(question, Scope.ALL, offset, limit);
  }

  @Override
  public Answer answer(String question, Scope scope, int offset, int limit) {
    long start = System.nanoTime();
    Answer answer;
    try {
      answer = scope.isAll() ? answerer.answer(question, offset, limit) : answerer.answer(question, scope, offset, limit);
    } catch (RuntimeException e) {
      metrics.answerFailed();
      throw e;
    }
    long nanos = System.nanoTime() - start;
    metrics.answer(answer.answered(), nanos);
    log.atDebug().addKeyValue("answered", answer.answered()).addKeyValue("ms", nanos / 1_000_000)
        .log("Answered \"{}\"", question);
    return answer;
  }
}
