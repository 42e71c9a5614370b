package dev.storybot.search;

import dev.storybot.search.Attributions.Clause;
import dev.storybot.search.SpeakerPhrases.Phrase;
import dev.storybot.search.SpeakerPhrases.Split;
import dev.storybot.search.Words.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The people a paragraph names in a way that shows they are people: as speakers with a full name ("Ayman Safadi
 * said"), with a title or role ("Mayor Lucia Fernandes", "spokesperson Majed Al-Ansari"), or by a name the story
 * elsewhere shows to be a person's ({@link People}). The candidates a "he" or "she" may stand for.
 */
final class Mentions {

  /**
   * One person named.
   *
   * @param phrase the naming phrase, role included
   * @param name the name alone
   * @param role the role, or null
   * @param roleFirst whether the role comes before the name
   * @param key the name's last word, lower case, without a possessive ending
   */
  record Mention(TextRange phrase, TextRange name, TextRange role, boolean roleFirst, String key) {}

  /** The longest name taken as one person's. */
  private static final int MAX_NAME_WORDS = 4;

  private Mentions() {}

  /** The people named in {@code a}'s paragraph, by position. */
  static List<Mention> of(Attributions a, People people) {
    List<Mention> out = new ArrayList<>();
    for (Clause c : a.clauses) {
      Mention m = named(a, c.subject());
      if (m != null && (m.role() != null || words(m.name().of(a.text)) >= 2 || people.knows(m.key()))) out.add(m);
    }
    List<Word> w = a.words;
    for (int i = 0; i < w.size(); i++) {
      if (!nameOrPossessive(w.get(i)) || i > 0 && joined(a, i - 1) && SpeakerPhrases.nameWord(w.get(i - 1))) {
        continue;
      }
      int e = i;
      while (SpeakerPhrases.nameWord(w.get(e)) && e + 1 < w.size() && e - i + 1 < MAX_NAME_WORDS && joined(a, e)
          && nameOrPossessive(w.get(e + 1))) {
        e++;
      }
      Mention m = titled(a, i, e);
      if (m == null && people.knows(w.get(e).bare())) m = plain(a, i, e);
      if (m != null) out.add(m);
    }
    out.sort(Comparator.comparingInt((Mention m) -> m.phrase().start()));
    return dedupe(out);
  }

  /** The person a clause's named subject is, or null when the phrase has no name. */
  static Mention named(Attributions a, Phrase p) {
    if (!SpeakerPhrases.named(a.text, a.words, p)) return null;
    if (p.first() == p.last() && !SpeakerPhrases.nameWord(a.words.get(p.first()))) return null;
    Split s = SpeakerPhrases.split(a.text, a.words, p);
    if (s.name() == null) return null;
    boolean roleFirst = s.role() != null && s.role().start() < s.name().start();
    return new Mention(p.range(a.words), s.name(), s.role(), roleFirst, key(s.name().of(a.text)));
  }

  /**
   * The person "he" or "she" at {@code pos} stands for: the one person named before it in the paragraph; when no one
   * is, the paragraph's one named speaker; when several are, no one (guessing between two people is inventing).
   */
  static Mention antecedent(Attributions a, People people, int pos) {
    List<Mention> before = of(a, people).stream().filter(m -> m.phrase().end() <= pos).toList();
    if (!before.isEmpty()) return before.stream().map(Mention::key).distinct().count() == 1 ? best(before) : null;
    List<Mention> speakers = new ArrayList<>();
    for (Clause c : a.clauses) {
      Mention m = named(a, c.subject());
      if (m != null) speakers.add(fuller(a, people, m));
    }
    return speakers.stream().map(Mention::key).distinct().count() == 1 ? best(speakers) : null;
  }

  /** The one person named before {@code pos} in the paragraph (however often), or null when none or several are. */
  static Mention onlyPersonBefore(Attributions a, People people, int pos) {
    List<Mention> before = of(a, people).stream().filter(m -> m.phrase().end() <= pos).toList();
    return !before.isEmpty() && before.stream().map(Mention::key).distinct().count() == 1 ? best(before) : null;
  }

  /** A surname alone ("Al-Ansari told CNN") is the person named in full in the paragraph, if one is. */
  static Mention fuller(Attributions a, People people, Mention m) {
    return of(a, people).stream()
        .filter(o -> o.key().equals(m.key()) && o.phrase().length() > m.phrase().length())
        .max(Comparator.comparingInt(o -> o.phrase().length()))
        .orElse(m);
  }

  // The mention that says most: one with a role, else the longest.
  private static Mention best(List<Mention> mentions) {
    return mentions.stream().max(Comparator.comparingInt((Mention m) -> m.role() == null ? 0 : 1)
        .thenComparingInt(m -> m.phrase().length())).orElseThrow();
  }

  /** The last word of a name, lower case, without a possessive ending. */
  static String key(String name) {
    String[] parts = name.strip().split("\\s+");
    return Words.lower(Words.stripPossessive(parts[parts.length - 1]));
  }

  // Name words i..e after a title or role ("President Joe Biden", "Head librarian Tomas Okafor"); after "of" the
  // first capitalised word is the office's ("Secretary of State Antony Blinken").
  private static Mention titled(Attributions a, int i, int e) {
    List<Word> w = a.words;
    int t = i - 1;
    if (t >= 1 && e > i && w.get(t).bare().equals("of") && joined(a, t)) {
      i++;
      t = i - 1;
      while (t > 0 && joined(a, t - 1) && !title(w.get(t))) t--;
    }
    if (t >= 0 && !joined(a, t) && commaNamed(a, t, e)) return afterComma(a, i, e);
    if (t < 0 || !joined(a, t) || !title(w.get(t))) return null;
    if (Lexicon.HONORIFICS.contains(w.get(t).bare())) {
      // "Ms Wilkinson": the honorific is part of how the person is named, not a role.
      TextRange name = new TextRange(w.get(t).start(), w.get(e).nameRange().end());
      return new Mention(name, name, null, false, w.get(e).bare());
    }
    int r = t;
    while (r > 0 && joined(a, r - 1) && (title(w.get(r - 1)) || SpeakerPhrases.nameWord(w.get(r - 1))
        || Lexicon.JOINERS.contains(w.get(r - 1).bare()) && !Lexicon.DETERMINERS.contains(w.get(r - 1).bare()))) {
      r--;
    }
    while (r < t && Lexicon.JOINERS.contains(w.get(r).bare())) r++;
    TextRange name = new TextRange(w.get(i).start(), w.get(e).nameRange().end());
    TextRange role = new TextRange(w.get(r).start(), w.get(i - 1).end());
    return new Mention(new TextRange(role.start(), name.end()), name, role, true, w.get(e).bare());
  }

  // "The regional agriculture minister, Paulo Reis, visited …": a role, a comma, and the name set off by commas.
  private static boolean commaNamed(Attributions a, int t, int e) {
    Word role = a.words.get(t);
    if (role.capitalised() || !Lexicon.ROLE_WORDS.contains(role.bare())) return false;
    if (!Words.gap(a.text, role.end(), a.words.get(t + 1).start()).equals(",")) return false;
    String after = e + 1 < a.words.size() ? Words.gap(a.text, a.words.get(e).end(), a.words.get(e + 1).start()) : ".";
    return after.equals(",") || after.equals(".");
  }

  private static Mention afterComma(Attributions a, int i, int e) {
    List<Word> w = a.words;
    int t = i - 1;
    int r = t;
    while (r > 0 && t - r < 3 && joined(a, r - 1) && !Lexicon.DETERMINERS.contains(w.get(r - 1).bare())
        && !Lexicon.FUNCTION.contains(w.get(r - 1).bare())) {
      r--;
    }
    TextRange name = new TextRange(w.get(i).start(), w.get(e).nameRange().end());
    TextRange role = new TextRange(w.get(r).start(), w.get(t).end());
    return new Mention(new TextRange(role.start(), name.end()), name, role, true, w.get(e).bare());
  }

  // A name word, or one with a possessive ending that closes a name ("Blinken’s priorities").
  private static boolean nameOrPossessive(Word x) {
    String bare = Words.stripPossessive(x.text());
    return SpeakerPhrases.nameWord(x) || !bare.equals(x.text())
        && SpeakerPhrases.nameWord(new Word(bare, x.start(), x.start() + bare.length()));
  }

  private static Mention plain(Attributions a, int i, int e) {
    TextRange name = new TextRange(a.words.get(i).start(), a.words.get(e).nameRange().end());
    return new Mention(name, name, null, false, a.words.get(e).bare());
  }

  private static boolean title(Word x) {
    String bare = x.bare();
    return x.capitalised() ? Lexicon.TITLE_WORDS.contains(bare) : Lexicon.ROLE_WORDS.contains(bare);
  }

  // Only white space between word i and the next.
  private static boolean joined(Attributions a, int i) {
    return i >= 0 && i + 1 < a.words.size()
        && Words.blankBetween(a.text, a.words.get(i).end(), a.words.get(i + 1).start());
  }

  // One mention per name: where two overlap, the one that says more (a role) wins.
  private static List<Mention> dedupe(List<Mention> sorted) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : sorted) {
      int last = out.size() - 1;
      if (last >= 0 && out.get(last).phrase().end() > m.phrase().start()) {
        Mention prev = out.get(last);
        if (m.phrase().length() > prev.phrase().length()) out.set(last, m);
      } else {
        out.add(m);
      }
    }
    return out;
  }

  private static int words(String s) {
    return s.strip().split("\\s+").length;
  }
}
