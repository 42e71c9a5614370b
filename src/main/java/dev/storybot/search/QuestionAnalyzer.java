package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Turns a question into its content words with the index's own analyzer. Never throws on user text: no query
 * syntax is parsed, odd characters simply produce no tokens.
 */
public final class QuestionAnalyzer {

  /** More distinct words than this are dropped (keeps a pasted essay from building a huge query). */
  public static final int MAX_TERMS = 48;

  /** Words that shape a question but do not say what it is about (stop words are removed by the analyzer). */
  static final Set<String> QUESTION_WORDS = Set.of(
      "what", "whats", "who", "whom", "whose", "which", "when", "where", "why", "how",
      "do", "does", "did", "doing", "done", "is", "are", "was", "were", "am", "be", "been", "being",
      "has", "have", "had", "having", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
      "tell", "me", "i", "you", "your", "our", "we", "he", "she", "him", "his", "her", "hers", "its", "them", "theirs",
      "many", "much", "name", "named", "called",
      // Fillers that frame what is asked ("one of the", "what kind of") and stem to misleading words ("one" → "on").
      "one", "kind", "type", "sort", "some", "any", "also",
      // Verbs a question moves with, not what it is about: a story says "travelled to", "departed", "took place".
      "go", "goes", "went", "gone", "going", "happen", "happens", "happened", "happening");

  private final Analyzer stemmed = IndexSchema.stemmed();
  private final Analyzer exact = IndexSchema.exact();

  /** The content words and name phrases of {@code question}; empty when it has none. */
  public AnalyzedQuestion analyze(String question) {
    String text = question == null ? "" : question;
    List<QueryTerm> all = new ArrayList<>();
    try (TokenStream ts = stemmed.tokenStream(IndexSchema.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        String surface = text.substring(offset.startOffset(), offset.endOffset());
        String exactForm = exactForm(surface);
        if (QUESTION_WORDS.contains(exactForm) || exactForm.isEmpty()) continue;
        boolean capitalised = Character.isUpperCase(surface.codePointAt(0)) && !startsQuestion(text, offset.startOffset());
        boolean numeric = surface.chars().anyMatch(Character::isDigit);
        all.add(new QueryTerm(term.toString(), exactForm, position, capitalised, numeric));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a question in memory cannot fail", e);
    }
    return new AnalyzedQuestion(text, distinct(all), phrases(all), AnswerType.of(text));
  }

  private String exactForm(String surface) {
    try (TokenStream ts = exact.tokenStream(IndexSchema.TEXT_EXACT, surface)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String first = ts.incrementToken() ? term.toString() : surface.toLowerCase(Locale.ROOT);
      ts.end();
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // The first word of a sentence is capitalised by grammar, not because it is a name.
  private static boolean startsQuestion(String text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) return false;
      if (c == '.' || c == '?' || c == '!') return true;
    }
    return true;
  }

  private static List<QueryTerm> distinct(List<QueryTerm> all) {
    Set<String> seen = new HashSet<>();
    List<QueryTerm> out = new ArrayList<>();
    for (QueryTerm t : all) {
      if (out.size() == MAX_TERMS) break;
      if (seen.add(t.stem())) out.add(t);
    }
    return out;
  }

  // Runs of capitalised words at most one stop word apart ("Battle of Hastings"): probably one name.
  private static List<List<QueryTerm>> phrases(List<QueryTerm> all) {
    List<List<QueryTerm>> phrases = new ArrayList<>();
    List<QueryTerm> run = new ArrayList<>();
    for (QueryTerm t : all) {
      boolean continues = !run.isEmpty() && t.position() - run.get(run.size() - 1).position() <= 2;
      if (!t.capitalised() || !continues) {
        if (run.size() >= 2) phrases.add(List.copyOf(run));
        run.clear();
      }
      if (t.capitalised()) run.add(t);
    }
    if (run.size() >= 2) phrases.add(List.copyOf(run));
    return phrases.size() > 8 ? phrases.subList(0, 8) : phrases;
  }
}
