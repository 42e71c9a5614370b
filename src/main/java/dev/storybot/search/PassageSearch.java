package dev.storybot.search;

import java.util.List;

/** Finds the paragraphs that best match a question. The seam where another engine could replace Lucene. */
public interface PassageSearch {

  /** The best {@code n} paragraphs for {@code question}, with its words' weights. */
  PassageHits search(AnalyzedQuestion question, int n);

  /** {@code question} with words the stories never use replaced by close ones they do (typos); as is by default. */
  default AnalyzedQuestion corrected(AnalyzedQuestion question) {
    return question;
  }

  /** Up to {@code n} distinct headlines of the stories closest to {@code question}, closest first. */
  List<String> nearestTitles(AnalyzedQuestion question, int n);

  /** Like {@link #search(AnalyzedQuestion, int)}, within {@code scope}; an engine without filters takes only {@link Scope#ALL}. */
  default PassageHits search(AnalyzedQuestion question, Scope scope, int n) {
    if (!scope.isAll()) throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot filter stories");
    return search(question, n);
  }

  /** Like {@link #nearestTitles(AnalyzedQuestion, int)}, within {@code scope}. */
  default List<String> nearestTitles(AnalyzedQuestion question, Scope scope, int n) {
    if (!scope.isAll()) throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot filter stories");
    return nearestTitles(question, n);
  }
}
