package dev.storybot.feedback;

import java.io.IOException;
import java.util.List;

/**
 * Where 👍/👎 clicks are kept: the {@link FeedbackLog} file of one process, or a database table that replicas share
 * (so that `storybot feedback` sees the clicks made on every replica).
 */
public interface FeedbackStore {

  /** Records one click; a failure is thrown, never swallowed, so that the clicker can be told. */
  void append(Feedback feedback) throws IOException;

  /** Every click recorded, oldest first. */
  List<Feedback> readAll() throws IOException;

  /** Where the clicks go, for logs: a file, or a database (never its password). */
  String describe();
}
