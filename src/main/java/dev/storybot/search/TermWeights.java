package dev.storybot.search;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/** How much each word of a question weighs in an index: BM25's idf over paragraphs, unknown names more. */
public final class TermWeights {

  /**
   * A name or number of the question that no paragraph holds weighs this many times its idf: the stories are then
   * most likely about something else, and the confidence should say so.
   */
  static final double UNKNOWN_NAME_WEIGHT = 2;

  private TermWeights() {}

  /**
   * Stem → weight for {@code question} in an index of {@code paragraphs} documents whose TEXT field holds each stem
   * in {@code docFreq} of them; a word no paragraph holds gets the highest weight the index allows.
   */
  public static Map<String, Double> of(long paragraphs, ToLongFunction<String> docFreq, AnalyzedQuestion question) {
    Map<String, Double> weights = new HashMap<>();
    long docs = Math.max(1, paragraphs);
    for (QueryTerm t : question.terms()) {
      // A guessed word stands for one the index lacks, and weighs as such.
      long df = question.guessed().contains(t.stem()) ? 0 : docFreq.applyAsLong(t.stem());
      double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
      weights.put(t.stem(), t.specific() && df == 0 ? UNKNOWN_NAME_WEIGHT * idf : idf);
    }
    return weights;
  }
}
