package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Typos in questions: a question word that no paragraph holds is replaced by the closest word the index has — one
 * edit away (two in long words), same first letter — so "Sentanta Sports" still finds "Setanta Sports". Words the
 * index knows are never touched.
 */
public final class Spelling {

  /** Shorter words have too many one-edit neighbours to guess from. */
  static final int MIN_LENGTH = 5;
  /** From this length on, two edits are allowed. */
  static final int TWO_EDITS_LENGTH = 8;

  private Spelling() {}

  /** {@code question} with each unknown word replaced by its closest known word, where there is one. */
  public static AnalyzedQuestion correct(IndexReader reader, AnalyzedQuestion question) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, IndexSchema.TEXT);
    if (terms == null) return question;
    Map<String, String> fixes = new HashMap<>();
    for (QueryTerm t : question.terms()) {
      if (reader.docFreq(new Term(IndexSchema.TEXT, t.stem())) > 0) continue;
      String fix = closest(terms, t.stem());
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

  private static QueryTerm fixed(QueryTerm t, Map<String, String> fixes) {
    String fix = fixes.get(t.stem());
    return fix == null ? t : new QueryTerm(fix, t.exact(), t.position(), t.capitalised(), t.numeric());
  }

  // The known word fewest edits away; among equals, the most frequent. Null when none is close enough.
  static String closest(Terms terms, String word) throws IOException {
    if (word.length() < MIN_LENGTH || word.chars().anyMatch(Character::isDigit)) return null;
    int maxEdits = word.length() >= TWO_EDITS_LENGTH ? 2 : 1;
    FuzzyTermsEnum candidates = new FuzzyTermsEnum(terms, new Term(IndexSchema.TEXT, word), maxEdits, 1, true);
    String best = null;
    int bestEdits = Integer.MAX_VALUE;
    int bestFreq = -1;
    for (BytesRef b = candidates.next(); b != null; b = candidates.next()) {
      String candidate = b.utf8ToString();
      int edits = edits(word, candidate);
      int freq = candidates.docFreq();
      if (edits < bestEdits || edits == bestEdits && freq > bestFreq) {
        best = candidate;
        bestEdits = edits;
        bestFreq = freq;
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
