package dev.storybot.eval;

import dev.storybot.answer.Answerer;
import dev.storybot.story.Story;
import java.util.List;

/** Builds an answerer over exactly the given stories (a fresh index), for runs that index a subset of a folder. */
@FunctionalInterface
public interface AnswererFactory {

  /** Indexes {@code stories} and returns an answerer over them; closing the result releases the index. */
  Opened open(List<Story> stories) throws Exception;

  /** An answerer and whatever holds its index open. */
  record Opened(Answerer answerer, AutoCloseable resources) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      resources.close();
    }
  }
}
