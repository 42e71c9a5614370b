package dev.storybot.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text as written (not analysed): letters and digits, with the apostrophes, hyphens and dots that
 * belong inside a word ("we’ve", "Al-Ansari", "U.S.", "Mr."), each with its character range. Used where the
 * shape of a word matters (capitals, possessives), which the index's analysed tokens no longer show.
 */
final class Words {

  /** Abbreviations whose dot is part of the word. */
  private static final Set<String> DOTTED = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "capt", "sgt", "maj", "adm", "jr",
      "sr", "rev", "hon", "st");

  /**
   * One written word.
   *
   * @param text the word as written
   * @param start its first character in the text
   * @param end one past its last character
   */
  record Word(String text, int start, int end) {

    /** Starts with a capital letter. */
    boolean capitalised() {
      return Character.isUpperCase(text.codePointAt(0));
    }

    /** Lower case, possessive ending removed ("Blinken’s" → "blinken"). */
    String bare() {
      return lower(stripPossessive(text));
    }

    /** The range without a possessive ending. */
    TextRange nameRange() {
      return new TextRange(start, start + stripPossessive(text).length());
    }

    TextRange range() {
      return new TextRange(start, end);
    }
  }

  private Words() {}

  /** The words of {@code text} in order. */
  static List<Word> of(String text) {
    List<Word> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          i++;
        } else if (isJoiner(c) && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
          i += 2;
        } else {
          break;
        }
      }
      String word = text.substring(start, i);
      if (i < n && text.charAt(i) == '.' && keepsDot(word)) i++;
      out.add(new Word(text.substring(start, i), start, i));
    }
    return out;
  }

  /** Lower case in the root locale. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** "Blinken’s" → "Blinken"; "Hamas’" stays (its apostrophe is not part of the word). */
  static String stripPossessive(String word) {
    if (word.length() > 2 && (word.endsWith("’s") || word.endsWith("'s"))) return word.substring(0, word.length() - 2);
    return word;
  }

  /** Index of the word starting at or after {@code pos}, or {@code words.size()}. */
  static int firstAtOrAfter(List<Word> words, int pos) {
    int i = 0;
    while (i < words.size() && words.get(i).start() < pos) i++;
    return i;
  }

  /** Index of the last word ending at or before {@code pos}, or -1. */
  static int lastEndingBy(List<Word> words, int pos) {
    int i = words.size() - 1;
    while (i >= 0 && words.get(i).end() > pos) i--;
    return i;
  }

  /** The text between two positions holds only white space. */
  static boolean blankBetween(String text, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
      if (!Character.isWhitespace(text.charAt(i))) return false;
    }
    return true;
  }

  /** The characters between two positions, without white space. */
  static String gap(String text, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
      if (!Character.isWhitespace(text.charAt(i))) sb.append(text.charAt(i));
    }
    return sb.toString();
  }

  private static boolean isJoiner(char c) {
    return c == '\'' || c == '’' || c == '-' || c == '‑' || c == '.';
  }

  // "Mr." and initials ("F.", "U.S.") keep their dot; a dot after any other word ends a sentence.
  private static boolean keepsDot(String word) {
    if (DOTTED.contains(lower(word))) return true;
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) return true;
    return word.contains(".") && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }
}
