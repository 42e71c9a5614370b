package dev.storybot.search;

import java.util.List;

/** Finds the paragraphs that best match a question. The seam where another engine could replace Lucene. */
public interface PassageSearch {

  /** The best {@code n} paragraphs for {@code question}, with its words' weights. */
  PassageHits search(AnalyzedQuestion question, int n);

  /** Up to {@code n} distinct headlines of the stories closest to {@code question}, closest first. */
  List<String> nearestTitles(AnalyzedQuestion question, int n);
}
