package dev.storybot.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question reduced to what searching needs: its content words (question and stop words removed) and the runs of
 * adjacent capitalised words that are probably multi-word names ("Majed Al-Ansari", "Battle of Hastings").
 *
 * @param question the question as asked
 * @param terms content words in question order, one per distinct stem
 * @param phrases runs of at least two capitalised words, each in question order with their positions
 * @param expects the kind of answer the question asks for
 * @param guessed stems that stand for a word the stories never use (a probable typo, see {@link Spelling})
 * @param meaning the question's vector from the shelf's embedding model (unit length), or null to search by words
 */
public record AnalyzedQuestion(String question, List<QueryTerm> terms, List<List<QueryTerm>> phrases,
                               AnswerType expects, Set<String> guessed, float[] meaning) {

  public AnalyzedQuestion {
    terms = List.copyOf(terms);
    phrases = phrases.stream().map(List::copyOf).toList();
    guessed = Set.copyOf(guessed);
  }

  /** A question as asked, nothing guessed, no vector. */
  public AnalyzedQuestion(String question, List<QueryTerm> terms, List<List<QueryTerm>> phrases, AnswerType expects) {
    this(question, terms, phrases, expects, Set.of(), null);
  }

  /** This question with its vector, so that the shelf also searches by meaning. */
  public AnalyzedQuestion withMeaning(float[] vector) {
    return new AnalyzedQuestion(question, terms, phrases, expects, guessed, vector);
  }

  /** True when nothing in the question can be searched for ("what is it?"). */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The distinct stems, in question order. */
  public Set<String> stems() {
    Set<String> stems = new LinkedHashSet<>();
    for (QueryTerm t : terms) stems.add(t.stem());
    return stems;
  }
}
