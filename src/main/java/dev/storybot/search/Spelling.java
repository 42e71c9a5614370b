package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Typos in questions: a question word that no paragraph holds is replaced by the closest word the index has — one
 * edit away (two in long words), same first letter — so "Sentanta Sports" still finds "Setanta Sports". Words the
 * index knows are never touched. What the index holds comes through a {@link Vocabulary}, so that every engine
 * corrects alike.
 */
public final class Spelling {

  /** Shorter words have too many one-edit neighbours to guess from. */
  static final int MIN_LENGTH = 5;
  /** From this length on, two edits are allowed. */
  static final int TWO_EDITS_LENGTH = 8;
  /** Letters a candidate shares with the word before the edits start. */
  static final int PREFIX = 1;

  /** What spelling needs to know of the words in an index's TEXT field. */
  public interface Vocabulary {

    /** Paragraphs holding {@code stem}. */
    long docFreq(String stem) throws IOException;

    /**
     * The index's terms that {@link Spelling#within} accepts for {@code word} and {@code maxEdits}, in term order
     * (by UTF-8 bytes), with their document frequencies.
     */
    List<Candidate> near(String word, int maxEdits) throws IOException;
  }

  /** A term of the index and the paragraphs holding it. */
  public record Candidate(String term, long docFreq) {}

  private Spelling() {}

  /** {@code question} with each unknown word replaced by its closest word in {@code reader}'s TEXT field. */
  public static AnalyzedQuestion correct(IndexReader reader, AnalyzedQuestion question) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, IndexSchema.TEXT);
    if (terms == null) return question;
    return correct(new Vocabulary() {
      @Override
      public long docFreq(String stem) throws IOException {
        return reader.docFreq(new Term(IndexSchema.TEXT, stem));
      }

      @Override
      public List<Candidate> near(String word, int maxEdits) throws IOException {
        FuzzyTermsEnum e = new FuzzyTermsEnum(terms, new Term(IndexSchema.TEXT, word), maxEdits, PREFIX, true);
        List<Candidate> near = new ArrayList<>();
        for (BytesRef b = e.next(); b != null; b = e.next()) near.add(new Candidate(b.utf8ToString(), e.docFreq()));
        return near;
      }
    }, question);
  }

  /** {@code question} with each unknown word replaced by its closest known word, where there is one. */
  public static AnalyzedQuestion correct(Vocabulary words, AnalyzedQuestion question) throws IOException {
    Map<String, String> fixes = new HashMap<>();
    for (QueryTerm t : question.terms()) {
      if (words.docFreq(t.stem()) > 0) continue;
      int edits = maxEdits(t.stem());
      String fix = edits == 0 ? null : closest(words.near(t.stem(), edits), t.stem());
      if (fix != null) fixes.put(t.stem(), fix);
    }
    if (fixes.isEmpty()) return question;
    Set<String> seen = new HashSet<>();
    List<QueryTerm> corrected = new ArrayList<>();
    for (QueryTerm t : question.terms()) {
      QueryTerm c = fixed(t, fixes);
      if (seen.add(c.stem())) corrected.add(c);
    }
    List<List<QueryTerm>> phrases = question.phrases().stream()
        .map(p -> p.stream().map(t -> fixed(t, fixes)).toList())
        .toList();
    return new AnalyzedQuestion(question.question(), corrected, phrases, question.expects(),
        new HashSet<>(fixes.values()), question.meaning());
  }

  /** The edits allowed in correcting {@code word}: 0 (never corrected), 1, or 2 for long words. */
  public static int maxEdits(String word) {
    if (word.length() < MIN_LENGTH || word.chars().anyMatch(Character::isDigit)) return 0;
    return word.length() >= TWO_EDITS_LENGTH ? 2 : 1;
  }

  /**
   * The terms a correction of {@code word} may come from: at most {@code maxEdits} edits away (a swap of neighbours
   * counts as one), first letter kept — the terms Lucene's {@link FuzzyTermsEnum} enumerates for it.
   */
  public static Predicate<String> within(String word, int maxEdits) {
    ByteRunAutomaton run = new FuzzyQuery(new Term(IndexSchema.TEXT, word), maxEdits, PREFIX, 50, true)
        .getAutomata().runAutomaton;
    return term -> {
      BytesRef b = new BytesRef(term);
      return run.run(b.bytes, b.offset, b.length);
    };
  }

  private static QueryTerm fixed(QueryTerm t, Map<String, String> fixes) {
    String fix = fixes.get(t.stem());
    return fix == null ? t : new QueryTerm(fix, t.exact(), t.position(), t.capitalised(), t.numeric());
  }

  // The known word fewest edits away; among equals, the most frequent, then the first in term order.
  static String closest(List<Candidate> near, String word) {
    String best = null;
    int bestEdits = Integer.MAX_VALUE;
    long bestFreq = -1;
    for (Candidate c : near) {
      int edits = edits(word, c.term());
      if (edits < bestEdits || edits == bestEdits && c.docFreq() > bestFreq) {
        best = c.term();
        bestEdits = edits;
        bestFreq = c.docFreq();
      }
    }
    return best;
  }

  /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
  static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
