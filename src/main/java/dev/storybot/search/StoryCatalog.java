package dev.storybot.search;

/** The stories on the shelf, as a list rather than a search: counts and headlines, newest first. */
public interface StoryCatalog {

  /** Stories within {@code scope} (its context is ignored), newest first: {@code limit} of them after the first {@code offset}. */
  StoryPage newest(Scope scope, int offset, int limit);

  /** How many stories {@code scope} lets through. */
  default long count(Scope scope) {
    return newest(scope, 0, 0).total();
  }
}
