package dev.storybot.search;

import dev.storybot.index.IndexStats;
import java.util.List;
import java.util.function.Function;

/**
 * The shelf of stories as the answer path reads it: paragraph search, spelling, nearest headlines, listings and
 * counts. The seam where another engine can replace the embedded Lucene index ({@link LuceneShelf}).
 */
public interface Shelf extends AutoCloseable {

  /**
   * A view of the shelf as it is now. Every read made for one question goes through one snapshot, so spelling,
   * search, headlines and counts agree even while a rebuild swaps the index. Close it when done.
   */
  Snapshot snapshot();

  /** Runs {@code read} on a fresh snapshot and closes it. */
  default <T> T read(Function<Snapshot, T> read) {
    try (Snapshot s = snapshot()) {
      return read.apply(s);
    }
  }

  /** Releases the engine (for the embedded index: its files). */
  @Override
  void close();

  /** One consistent view of the shelf (for the embedded index: one commit, one searcher). Not thread-safe. */
  interface Snapshot extends AutoCloseable {

    /** {@code question} with words no story uses replaced by close ones that some do (typos). */
    AnalyzedQuestion corrected(AnalyzedQuestion question);

    /** The best {@code n} paragraphs for {@code question} within {@code scope}, with its words' weights. */
    PassageHits search(AnalyzedQuestion question, Scope scope, int n);

    /** Up to {@code n} distinct headlines of the stories within {@code scope} closest to {@code question}. */
    List<String> nearestTitles(AnalyzedQuestion question, Scope scope, int n);

    /** Stories within {@code scope} (its context ignored), newest first: {@code limit} after the first {@code offset}. */
    StoryPage newest(Scope scope, int offset, int limit);

    /** How many stories {@code scope} lets through. */
    default long count(Scope scope) {
      return newest(scope, 0, 0).total();
    }

    /** Counts and generation of what this snapshot reads. */
    IndexStats stats();

    @Override
    void close();
  }
}
