package dev.storybot.search;

import dev.storybot.search.Words.Word;
import java.util.List;
import java.util.Set;

/**
 * Finds the noun phrase that names a speaker next to a speech verb ("Jordanian Foreign Minister Ayman Safadi
 * said", "said Safadi", "according to a White House readout", "Ines Vidal, the cooperative's chair, said"), and
 * splits it into a person's name and title where the words allow.
 */
final class SpeakerPhrases {

  /**
   * A phrase as word indices, both inclusive.
   *
   * @param first index of its first word
   * @param last index of its last word
   * @param appositive index of the first word of a role written after the name and a comma, or -1
   */
  record Phrase(int first, int last, int appositive) {
    TextRange range(List<Word> w) {
      return new TextRange(w.get(first).start(), w.get(last).end());
    }
  }

  /**
   * A phrase's parts.
   *
   * @param name a name ("Ayman Safadi"), or null when the phrase describes its speaker without one
   * @param role the title or role written with the name ("Jordanian Foreign Minister"), or null
   */
  record Split(TextRange name, TextRange role) {}

  /** The longest appositive role ("the cooperative's chair") taken between commas. */
  private static final int MAX_APPOSITIVE_WORDS = 10;
  /** The longest "according to …" source. */
  private static final int MAX_SOURCE_WORDS = 12;

  /** Nouns that end like adverbs: "the family said" has a speaker. */
  private static final Set<String> NOUNS_IN_LY = Set.of(
      "family", "assembly", "supply", "rally", "anomaly", "monopoly", "bully", "ally");

  private SpeakerPhrases() {}

  /** The speaker phrase just before the verb at {@code verb}, or null. */
  static Phrase before(String text, List<Word> w, int verb) {
    int j = verb - 1;
    while (j >= 0 && between(w.get(j)) && blank(text, w, j)) j--;
    if (j < 0) return null;
    String gap = Words.gap(text, w.get(j).end(), w.get(j + 1).start());
    if (gap.equals(",")) return appositive(text, w, j);
    if (!gap.isEmpty()) return null;
    if (Lexicon.PERSON_PRONOUNS.contains(w.get(j).bare()) || Lexicon.OTHER_PRONOUNS.contains(w.get(j).bare())) {
      return opensClause(text, w, j) ? new Phrase(j, j, -1) : null;
    }
    return backFrom(text, w, j);
  }

  // The phrase whose last word is word j: back over names, titles and joiners to a determiner or a clause break.
  private static Phrase backFrom(String text, List<Word> w, int j) {
    if (!head(w.get(j))) return null;
    int k = j;
    while (k > 0 && blank(text, w, k - 1) && !determiner(w.get(k)) && part(w, k - 1)) k--;
    while (k < j && joiner(w.get(k))) k++;
    return opensClause(text, w, k) ? new Phrase(k, j, -1) : null;
  }

  /** The speaker phrase starting at word {@code from} ("said Safadi", "said he"), or null. */
  static Phrase after(String text, List<Word> w, int from) {
    if (from >= w.size() || !blank(text, w, from - 1)) return null;
    if (Lexicon.PERSON_PRONOUNS.contains(w.get(from).bare())) return new Phrase(from, from, -1);
    int e = from;
    if (determiner(w.get(e)) && e + 1 < w.size() && blank(text, w, e)) e++;
    if (!part(w, e) || Lexicon.JOINERS.contains(w.get(e).bare())) return null;
    while (e + 1 < w.size() && blank(text, w, e) && part(w, e + 1) && !determiner(w.get(e + 1))) e++;
    while (e > from && Lexicon.JOINERS.contains(w.get(e).bare())) e--;
    if (!head(w.get(e))) return null;
    String next = e + 1 < w.size() ? Words.gap(text, w.get(e).end(), w.get(e + 1).start()) : "";
    if (next.equals(",") && e + 1 < w.size() && determiner(w.get(e + 1))) {
      int end = e + 1;
      while (end + 1 < w.size() && end - e < MAX_APPOSITIVE_WORDS && !ends(text, w, end)) end++;
      if (ends(text, w, end)) return new Phrase(from, end, e + 1);
    }
    return e + 1 >= w.size() || ends(text, w, e) || next.equals(",") ? new Phrase(from, e, -1) : null;
  }

  /** The subject phrase that opens a clause at word {@code k} and is followed by its verb ("He teased"), or null. */
  static Phrase subjectAt(String text, List<Word> w, int k) {
    if (k >= w.size()) return null;
    String bare = w.get(k).bare();
    if (Lexicon.PERSON_PRONOUNS.contains(bare) || Lexicon.OTHER_PRONOUNS.contains(bare)) return new Phrase(k, k, -1);
    int e = k;
    if (determiner(w.get(e)) && blank(text, w, e)) e++;
    while (e + 1 < w.size() && blank(text, w, e) && part(w, e + 1) && !determiner(w.get(e + 1))) e++;
    if (e >= w.size() || !head(w.get(e)) || e + 1 >= w.size() || w.get(e + 1).capitalised()) return null;
    return new Phrase(k, e, -1);
  }

  /** The source after "according to", up to the next comma or the sentence's end, or null. */
  static Phrase source(String text, List<Word> w, int from) {
    if (from >= w.size()) return null;
    int e = from;
    while (e - from < MAX_SOURCE_WORDS && !ends(text, w, e) && e + 1 < w.size()
        && !Words.gap(text, w.get(e).end(), w.get(e + 1).start()).contains(",")) {
      e++;
    }
    return e - from < MAX_SOURCE_WORDS ? new Phrase(from, e, -1) : null;
  }

  /** The phrase's name and role, as far as its words tell them apart. */
  static Split split(String text, List<Word> w, Phrase p) {
    if (p.appositive() >= 0) {
      TextRange role = new TextRange(w.get(p.appositive()).start(), w.get(p.last()).end());
      int b = nameStart(text, w, p.first(), p.appositive() - 1);
      return b == p.first() ? new Split(new TextRange(w.get(b).start(), w.get(p.appositive() - 1).end()), role)
          : new Split(null, null);
    }
    for (int i = p.first(); i <= p.last(); i++) if (w.get(i).bare().equals("and")) return new Split(null, null);
    int b = nameStart(text, w, p.first(), p.last());
    if (b > p.last()) return new Split(null, null);
    TextRange name = new TextRange(w.get(b).start(), w.get(p.last()).end());
    int r = p.first();
    while (r < b && determiner(w.get(r))) r++;
    return new Split(name, r < b ? new TextRange(w.get(r).start(), w.get(b - 1).end()) : null);
  }

  /** Whether the phrase holds a capitalised word that is not there only because it opens a sentence. */
  static boolean named(String text, List<Word> w, Phrase p) {
    for (int i = p.first(); i <= p.last(); i++) {
      Word x = w.get(i);
      String bare = x.bare();
      if (!x.capitalised() || Lexicon.FUNCTION.contains(bare) || Lexicon.CALENDAR.contains(bare)) continue;
      // "Residents said": a common noun that is capitalised only because it opens the sentence.
      boolean common = Lexicon.GROUP_NOUNS.contains(bare) || Lexicon.ROLE_WORDS.contains(bare);
      if (!(common && sentenceInitial(text, x))) return true;
    }
    return false;
  }

  private static boolean sentenceInitial(String text, Word x) {
    int p = x.start() - 1;
    while (p >= 0 && (Character.isWhitespace(text.charAt(p)) || "“\"‘'(".indexOf(text.charAt(p)) >= 0)) p--;
    return p < 0 || ".?!:".indexOf(text.charAt(p)) >= 0;
  }

  /** A capitalised word that can be part of a person's name. */
  static boolean nameWord(Word x) {
    String bare = x.bare();
    return x.capitalised() && x.text().equals(Words.stripPossessive(x.text())) && !Lexicon.TITLE_WORDS.contains(bare)
        && !Lexicon.ROLE_WORDS.contains(bare) && !Lexicon.ORG_WORDS.contains(bare) && !Lexicon.FUNCTION.contains(bare) && !Lexicon.CALENDAR.contains(bare)
        && Character.isLetter(x.text().charAt(0));
  }

  // The first word of the name that ends at `last`: capitalised name words back to a title, a lower-case word or a
  // joiner ("Secretary of State Antony Blinken": "State" follows "of", so it is the office's, not the man's).
  // Returns last + 1 when the phrase ends in no name.
  private static int nameStart(String text, List<Word> w, int first, int last) {
    if (!nameWord(w.get(last))) return last + 1;
    int b = last;
    while (b - 1 >= first && last - b < 3 && blank(text, w, b - 1) && (nameWord(w.get(b - 1)) || particle(w, b - 1))) {
      b--;
    }
    while (b < last && b > first && joiner(w.get(b - 1))) b++;
    for (int i = b; i <= last; i++) if (Lexicon.ORG_WORDS.contains(w.get(i).bare())) return last + 1;
    // "a spokesperson for Hamas": a name after a joiner is the office's, not a person's.
    if (b > first && joiner(w.get(b - 1))) return last + 1;
    // "Mr Christodoulides", "Ms. Wilkinson": the honorific goes with the name.
    return b > first && blank(text, w, b - 1) && Lexicon.HONORIFICS.contains(w.get(b - 1).bare()) ? b - 1 : b;
  }

  // "Ines Vidal, the cooperative's chair, said": the role runs back from the comma before the verb to the comma
  // after a name.
  private static Phrase appositive(String text, List<Word> w, int last) {
    int k = last;
    while (k > 0 && last - k < MAX_APPOSITIVE_WORDS && Words.gap(text, w.get(k - 1).end(), w.get(k).start()).isEmpty()) k--;
    if (k == 0 || !Words.gap(text, w.get(k - 1).end(), w.get(k).start()).equals(",")) return null;
    String opener = w.get(k).bare();
    if (Lexicon.RELATIVES.contains(opener) || opener.endsWith("ing")) {
      // "Osei, who voted against the plan, told …", "Lund, speaking on local radio, described …": an aside.
      return backFrom(text, w, k - 1);
    }
    if (allNames(w, k, last) && last - k < 4) {
      // "The Minister of Labour, Kate Wilkinson, said": the name is set off by commas after the title.
      Phrase title = backFrom(text, w, k - 1);
      return title == null ? null : new Phrase(title.first(), last, -1);
    }
    if (!determiner(w.get(k)) && !Lexicon.ROLE_WORDS.contains(w.get(k).bare()) && !w.get(k).capitalised()) return null;
    int nameEnd = k - 1;
    if (!nameWord(w.get(nameEnd))) return null;
    int b = nameEnd;
    while (b > 0 && blank(text, w, b - 1) && (nameWord(w.get(b - 1)) || particle(w, b - 1))) b--;
    return opensClause(text, w, b) ? new Phrase(b, last, k) : null;
  }

  private static boolean allNames(List<Word> w, int from, int to) {
    for (int i = from; i <= to; i++) if (!nameWord(w.get(i)) && !particle(w, i)) return false;
    return true;
  }

  // A word that may be part of a speaker phrase: a capitalised word, a word of a title, or a joiner.
  private static boolean part(List<Word> w, int i) {
    Word x = w.get(i);
    String bare = x.bare();
    if (Lexicon.CALENDAR.contains(bare)) return false;
    if (x.capitalised()) return !Lexicon.FUNCTION.contains(bare) || determiner(x);
    return Lexicon.ROLE_WORDS.contains(bare) || Lexicon.JOINERS.contains(bare) || determiner(x) || particle(w, i);
  }

  // The last word of a speaker phrase: a name or a role, never a joiner or a pronoun.
  private static boolean head(Word x) {
    String bare = x.bare();
    if (Lexicon.CALENDAR.contains(bare) || Lexicon.FUNCTION.contains(bare)) return false;
    return x.capitalised() && Character.isLetter(x.text().charAt(0)) || Lexicon.ROLE_WORDS.contains(bare);
  }

  // Words between a speaker and the verb: "has also", "on Monday", "publicly".
  private static boolean between(Word x) {
    String bare = x.bare();
    boolean adverb = !x.capitalised() && bare.length() > 4 && bare.endsWith("ly") && !NOUNS_IN_LY.contains(bare);
    return Lexicon.BETWEEN.contains(bare) || Lexicon.CALENDAR.contains(bare) || adverb;
  }

  private static boolean particle(List<Word> w, int i) {
    return !w.get(i).capitalised() && Lexicon.PARTICLES.contains(w.get(i).bare())
        && i + 1 < w.size() && w.get(i + 1).capitalised();
  }

  // "of", "for", "at": a joiner inside a title, not a determiner that opens the phrase.
  private static boolean joiner(Word x) {
    return Lexicon.JOINERS.contains(x.bare()) && !determiner(x);
  }

  private static boolean determiner(Word x) {
    return Lexicon.DETERMINERS.contains(x.bare());
  }

  // Only white space between word i and word i + 1.
  private static boolean blank(String text, List<Word> w, int i) {
    return i >= 0 && i + 1 < w.size() && Words.blankBetween(text, w.get(i).end(), w.get(i + 1).start());
  }

  // Word i ends its sentence or clause: a full stop, a question or exclamation mark, a semicolon, or the end.
  private static boolean ends(String text, List<Word> w, int i) {
    int to = i + 1 < w.size() ? w.get(i + 1).start() : text.length();
    String gap = Words.gap(text, w.get(i).end(), to);
    return i + 1 >= w.size() || gap.matches(".*[.?!;:].*");
  }

  // A speaker phrase starts a clause: at the paragraph's start, after punctuation, or after "and", "but", "as".
  static boolean opensClause(String text, List<Word> w, int k) {
    int p = w.get(k).start() - 1;
    while (p >= 0 && Character.isWhitespace(text.charAt(p))) p--;
    if (p < 0) return true;
    if (",;:(—–-”\"’'.?!".indexOf(text.charAt(p)) >= 0) return true;
    String previous = k > 0 ? w.get(k - 1).bare() : "";
    return Lexicon.CONJUNCTIONS.contains(previous) || relative(w, k);
  }

  /** Whether the phrase at word {@code k} follows a relative pronoun: "which the official described as". */
  static boolean relative(List<Word> w, int k) {
    return k > 0 && Lexicon.RELATIVES.contains(w.get(k - 1).bare());
  }
}
