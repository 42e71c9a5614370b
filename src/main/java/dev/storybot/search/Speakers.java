package dev.storybot.search;

import dev.storybot.search.Attributions.Clause;
import dev.storybot.search.Mentions.Mention;
import dev.storybot.search.Quotations.Quotation;
import dev.storybot.search.SpeakerPhrases.Phrase;
import dev.storybot.search.Words.Word;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who said the words of a quote, when the paragraph says so: the speaker of each quotation in it (attributed before,
 * after or in the middle: "Safadi said: “…”", "“…,” Safadi said", "“We are,” he said, “going …”"), and of each
 * sentence of reported speech ("Al-Ansari told CNN that …", "…, according to a White House readout").
 *
 * <p>Never invents one: a quotation or sentence whose paragraph names no speaker for it has none. A "he" or "she"
 * stands for the person named before it in the same paragraph when only one is, else for the paragraph's one named
 * speaker, else for no one. A speaker phrase must hold a capitalised word that is not there only because it opens a
 * sentence: "officials said" names no one.
 */
public final class Speakers {

  private final People people;

  /** Speakers found from each paragraph alone. */
  public Speakers() {
    this(People.none());
  }

  /** Speakers found with the help of the people {@code people} knows from the rest of the story. */
  public Speakers(People people) {
    this.people = people;
  }

  /** The one speaker of the words in {@code quote}; empty when none is named or when several speak in it. */
  public Optional<Speaker> speaker(String paragraph, TextRange quote) {
    List<Speaker> all = speakers(paragraph, quote);
    return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
  }

  /** Each speaker of the words in {@code quote}, once, in the order their words come. */
  public List<Speaker> speakers(String paragraph, TextRange quote) {
    check(paragraph, quote);
    Attributions a = Attributions.of(paragraph);
    Map<Integer, Clause> spoken = new TreeMap<>();
    for (Quotation q : a.quotations) {
      TextRange inside = q.inside(paragraph.length());
      if (!overlaps(inside, quote)) continue;
      Clause c = a.forQuotation(q);
      if (c == null && a.wholeSentences(q)) c = onlyNamedSpeaker(a);
      if (c != null) spoken.putIfAbsent(Math.max(inside.start(), quote.start()), c);
    }
    for (TextRange s : a.sentences) {
      if (!overlaps(s, quote) || !reported(a, s, quote)) continue;
      Clause c = a.forSentence(s);
      if (c != null) spoken.putIfAbsent(Math.max(s.start(), quote.start()), c);
    }
    Map<String, Speaker> out = new LinkedHashMap<>();
    for (Clause c : spoken.values()) {
      Speaker s = resolve(a, c, quote);
      if (s != null) out.putIfAbsent(s.key(), s);
    }
    return List.copyOf(out.values());
  }

  // The speaker a clause names, or null: a pronoun stands for a person named in the paragraph; a phrase with no
  // name in it ("the official") for an earlier speaker described with the same word.
  private Speaker resolve(Attributions a, Clause c, TextRange quote) {
    Phrase p = c.subject();
    List<Word> w = a.words;
    boolean inQuote = c.span().start() >= quote.start() && c.span().end() <= quote.end();
    Word first = w.get(p.first());
    if (p.first() == p.last() && Lexicon.PERSON_PRONOUNS.contains(first.bare())) {
      Mention m = Mentions.antecedent(a, people, first.start());
      return m == null ? null : speaker(a, m, c.span(), inQuote);
    }
    if (p.first() == p.last() && Lexicon.OTHER_PRONOUNS.contains(first.bare())) return null;
    if (!SpeakerPhrases.named(a.text, w, p)) {
      Speaker earlier = sameHead(a, c, quote);
      return earlier == null ? null : withClause(earlier, c.span(), inQuote);
    }
    Mention m = Mentions.named(a, p);
    if (m != null && m.role() == null) m = Mentions.fuller(a, people, m);
    if (m != null) return speaker(a, m, c.span(), inQuote);
    TextRange phrase = p.range(w);
    return new Speaker(phrase, phrase.of(a.text), null, null, false, c.span(), inQuote);
  }

  // "The meeting, which the official described as …": the earlier speaker whose phrase ends in "official".
  private Speaker sameHead(Attributions a, Clause c, TextRange quote) {
    Phrase p = c.subject();
    if (!a.words.get(p.first()).bare().equals("the")) return null;
    String head = a.words.get(p.last()).bare();
    Speaker found = null;
    for (Clause o : a.clauses) {
      if (o.span().start() >= c.span().start()) break;
      Phrase op = o.subject();
      if (a.words.get(op.last()).bare().equals(head) && SpeakerPhrases.named(a.text, a.words, op)) found = resolve(a, o, quote);
    }
    return found;
  }

  // A whole-sentence quotation with no clause of its own belongs to the paragraph's speaker when there is one only.
  private Clause onlyNamedSpeaker(Attributions a) {
    Clause only = null;
    for (Clause c : a.clauses) {
      Mention m = Mentions.named(a, c.subject());
      if (m == null) continue;
      if (only != null && !Mentions.named(a, only.subject()).key().equals(m.key())) return null;
      if (only == null) only = c;
    }
    return only;
  }

  private static Speaker speaker(Attributions a, Mention m, TextRange clause, boolean inQuote) {
    String role = m.role() == null ? null : m.role().of(a.text);
    return new Speaker(m.phrase(), m.phrase().of(a.text), m.name().of(a.text), role, m.roleFirst(), clause,
        inQuote);
  }

  private static Speaker withClause(Speaker s, TextRange clause, boolean inQuote) {
    return new Speaker(s.mention(), s.phrase(), s.name(), s.role(), s.roleFirst(), clause, inQuote);
  }

  // The quoted part of sentence `s` holds words outside quotation marks: reported speech, or narration.
  private static boolean reported(Attributions a, TextRange s, TextRange quote) {
    int from = Math.max(s.start(), quote.start());
    int to = Math.min(s.end(), quote.end());
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(a.text.charAt(i)) && !a.quoted(i)) return true;
    }
    return false;
  }

  private static boolean overlaps(TextRange x, TextRange y) {
    return x.start() < y.end() && y.start() < x.end();
  }

  private static void check(String paragraph, TextRange quote) {
    if (quote.end() > paragraph.length()) {
      throw new IllegalArgumentException("quote " + quote + " runs past the paragraph's " + paragraph.length()
          + " characters");
    }
  }
}
