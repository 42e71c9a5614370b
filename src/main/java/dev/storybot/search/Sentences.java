package dev.storybot.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences: {@link BreakIterator}, then re-joins the breaks it makes after abbreviations
 * ("Mr.", "U.S.", initials) and before lower-case continuations. Ranges are trimmed of surrounding white space, so
 * each sentence is a verbatim substring of the paragraph.
 */
public final class Sentences {

  /** Titles and abbreviations that are never the end of a sentence. */
  private static final Set<String> TITLES = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "capt", "sgt", "maj", "adm",
      "jr", "sr", "rev", "hon", "mt", "ft", "vs", "etc", "e.g", "i.e", "cf", "approx", "no", "nos", "vol", "pp",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ca", "c");

  /** Initials ("F.") and dotted acronyms ("U.S.", "D.C."): a sentence may end there, but usually does not. */
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+(?:\\p{Lu})?\\.?");

  /** Words that commonly open a sentence: after an initial or acronym, they mean the sentence did end. */
  private static final Set<String> OPENERS = Set.of(
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "but", "and",
      "in", "on", "at", "after", "before", "however", "meanwhile", "his", "her", "their", "its", "there", "when",
      "while", "as", "if", "so", "yet", "still", "according", "for", "from", "by", "with", "since", "during", "then",
      "one", "some", "many", "most", "other", "both", "also", "what", "how", "why", "who", "where");

  private Sentences() {}

  /** The sentences of {@code text}, in order; an empty list for blank text. */
  public static List<TextRange> split(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(text);
    List<TextRange> pieces = new ArrayList<>();
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      TextRange r = trim(text, start, end);
      if (r.length() > 0) pieces.add(r);
    }
    List<TextRange> sentences = new ArrayList<>();
    for (TextRange piece : pieces) {
      int last = sentences.size() - 1;
      if (last >= 0 && continues(text, sentences.get(last), piece)) {
        sentences.set(last, new TextRange(sentences.get(last).start(), piece.end()));
      } else {
        sentences.add(piece);
      }
    }
    return sentences;
  }

  // True when the break between `before` and `next` is not the end of a sentence.
  static boolean continues(String text, TextRange before, TextRange next) {
    String nextText = next.of(text);
    int first = firstLetterOrDigit(nextText);
    if (first < 0) return true; // a stray closing quote or dash
    if (Character.isLowerCase(nextText.charAt(first))) return true;
    String lastWord = lastWord(before.of(text));
    if (!lastWord.endsWith(".")) return false;
    String bare = lastWord.substring(0, lastWord.length() - 1).toLowerCase(Locale.ROOT);
    if (TITLES.contains(bare)) return true;
    if (INITIALS.matcher(lastWord).matches()) {
      return !OPENERS.contains(firstWord(nextText).toLowerCase(Locale.ROOT));
    }
    return false;
  }

  private static TextRange trim(String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) start++;
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
    return new TextRange(start, end);
  }

  private static int firstLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isLetterOrDigit(s.charAt(i))) return i;
    return -1;
  }

  private static String lastWord(String s) {
    int i = s.length();
    while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) i--;
    String w = s.substring(i);
    // "(U.S." or "“Mr." : leading punctuation is not part of the word.
    int j = 0;
    while (j < w.length() && !Character.isLetterOrDigit(w.charAt(j))) j++;
    return w.substring(j);
  }

  private static String firstWord(String s) {
    int start = firstLetterOrDigit(s);
    if (start < 0) return "";
    int end = start;
    while (end < s.length() && Character.isLetter(s.charAt(end))) end++;
    return s.substring(start, end);
  }
}
