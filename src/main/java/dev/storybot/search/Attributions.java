package dev.storybot.search;

import dev.storybot.search.Quotations.Quotation;
import dev.storybot.search.SpeakerPhrases.Phrase;
import dev.storybot.search.Words.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * The attribution clauses of one paragraph ("Blinken said", "said Safadi", "according to a White House readout",
 * "…, saying"), and which of them belongs to each quotation and each sentence. Clauses inside quotation marks are
 * the speaker's own words and are never taken for attributions.
 */
final class Attributions {

  /** How a clause is built. */
  enum Form { SUBJECT_VERB, VERB_SUBJECT, ACCORDING_TO, PARTICIPLE, LABEL }

  /**
   * One attribution clause.
   *
   * @param subject the phrase that names the speaker (a lone pronoun too)
   * @param span the clause: phrase and verb, in either order, or "according to" and its source
   * @param form how it is built
   * @param reports whether it makes its sentence reported speech; one that follows a relative pronoun ("which
   *     Blinken argued would …") or whose verb need not report speech ("Robert continued his campaign") may still
   *     introduce a quotation
   */
  record Clause(Phrase subject, TextRange span, Form form, boolean reports) {
    Clause(Phrase subject, TextRange span, Form form) {
      this(subject, span, form, true);
    }
  }

  /** The most words between a clause and the quotation it introduces ("said in a statement on Monday that “"). */
  private static final int MAX_LEAD_WORDS = 8;

  final String text;
  final List<Word> words;
  final List<TextRange> sentences;
  final List<Quotation> quotations;
  final List<Clause> clauses;

  private Attributions(String text) {
    this.text = text;
    this.words = Words.of(text);
    this.sentences = Sentences.split(text);
    this.quotations = Quotations.outer(text);
    this.clauses = find();
  }

  /** The clauses of {@code paragraph}. */
  static Attributions of(String paragraph) {
    return new Attributions(paragraph);
  }

  /** Whether {@code pos} lies between the marks of a quotation. */
  boolean quoted(int pos) {
    for (Quotation q : quotations) if (q.open() < pos && (q.close() < 0 || pos < q.close())) return true;
    return false;
  }

  /**
   * The clause that attributes quotation {@code q}: one right after its closing mark ("…,” Safadi said"), else one
   * that leads into its opening mark in the same sentence ("Safadi said: “…”", "…, saying, “…”"); null if neither.
   */
  Clause forQuotation(Quotation q) {
    if (q.close() >= 0 && !endsWithFullStop(q)) {
      for (Clause c : clauses) {
        if (c.span().start() <= q.close()) continue;
        String gap = Words.gap(text, q.close() + 1, c.span().start());
        if (gap.isEmpty() || gap.equals(",") || gap.equals("—") || gap.equals("–")) return c;
        break;
      }
    }
    if (q.open() >= 0) {
      for (int i = clauses.size() - 1; i >= 0; i--) {
        Clause c = clauses.get(i);
        if (c.span().end() > q.open()) continue;
        return leadsInto(c.span().end(), q.open()) ? c : null;
      }
    }
    return null;
  }

  /**
   * The first attribution clause of sentence {@code s} that is not inside a quotation, else the speaker label that
   * opens the paragraph ("MCGRATH: …"), else null.
   */
  Clause forSentence(TextRange s) {
    for (Clause c : clauses) {
      if (c.reports() && c.span().start() >= s.start() && c.span().end() <= s.end()) return c;
    }
    return !clauses.isEmpty() && clauses.get(0).form() == Form.LABEL ? clauses.get(0) : null;
  }

  /** Whether quotation {@code q} is a whole sentence (or sentences) of its own, not words quoted inside one. */
  boolean wholeSentences(Quotation q) {
    boolean opens = q.open() < 0 || sentences.stream().anyMatch(s -> s.start() == q.open());
    boolean closes = q.close() < 0 || sentences.stream().anyMatch(s -> s.end() == q.close() + 1);
    return opens && closes;
  }

  private List<Clause> find() {
    List<Clause> out = new ArrayList<>();
    Clause label = label();
    if (label != null) out.add(label);
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      if (quoted(w.start())) continue;
      String bare = w.bare();
      Clause c = null;
      if (bare.equals("according") && i + 1 < words.size() && words.get(i + 1).bare().equals("to")) {
        Phrase p = SpeakerPhrases.source(text, words, i + 2);
        if (p != null) c = new Clause(p, new TextRange(w.start(), p.range(words).end()), Form.ACCORDING_TO);
      } else if (Lexicon.SPEECH_VERBS.contains(bare)) {
        Phrase p = SpeakerPhrases.before(text, words, i);
        if (p != null) {
          boolean reports = !SpeakerPhrases.relative(words, p.first())
              && (!Lexicon.WEAK_SPEECH_VERBS.contains(bare) || introducesSpeech(i));
          c = new Clause(p, new TextRange(p.range(words).start(), w.end()), Form.SUBJECT_VERB, reports);
        } else if (afterBreak(w.start())) {
          p = SpeakerPhrases.after(text, words, i + 1);
          if (p != null) c = new Clause(p, new TextRange(w.start(), p.range(words).end()), Form.VERB_SUBJECT);
        }
      } else if (Lexicon.SPEECH_PARTICIPLES.contains(bare) && (afterBreak(w.start())
          || i > 0 && Lexicon.MESSAGES.contains(words.get(i - 1).bare()))) {
        Phrase p = sentenceSubject(i);
        if (p != null) c = new Clause(p, new TextRange(w.start(), w.end()), Form.PARTICIPLE);
      }
      if (c != null) out.add(c);
    }
    return out;
  }

  // "MCGRATH: “If the driver …”": a transcript's speaker label, in capitals and before a colon, opens the paragraph.
  private Clause label() {
    if (words.isEmpty() || !Words.blankBetween(text, 0, words.get(0).start())) return null;
    for (int n = 0; n < Math.min(3, words.size()) && capitals(words.get(n)); n++) {
      int next = n + 1 < words.size() ? words.get(n + 1).start() : text.length();
      String gap = Words.gap(text, words.get(n).end(), next);
      if (gap.startsWith(":")) {
        return new Clause(new Phrase(0, n, -1), new TextRange(words.get(0).start(), words.get(n).end()), Form.LABEL);
      }
      if (!gap.isEmpty()) return null;
    }
    return null;
  }

  private static boolean capitals(Word w) {
    String letters = w.text().replaceAll("[^\\p{L}]", "");
    return letters.length() >= 2 && letters.chars().allMatch(Character::isUpperCase);
  }

  // The subject a participle ("…, saying") hangs on: the phrase that opens its sentence, after any opening
  // adverbial ("On Monday, …").
  private Phrase sentenceSubject(int participle) {
    int at = participle;
    TextRange sentence = sentences.stream().filter(s -> s.start() <= words.get(at).start()
        && words.get(at).start() < s.end()).findFirst().orElse(null);
    if (sentence == null) return null;
    int k = Words.firstAtOrAfter(words, sentence.start());
    if (k >= participle) return null;
    Word first = words.get(k);
    boolean adverbial = first.capitalised() && Lexicon.FUNCTION.contains(first.bare())
        && !Lexicon.PERSON_PRONOUNS.contains(first.bare()) && !Lexicon.DETERMINERS.contains(first.bare());
    if (adverbial) {
      int comma = text.indexOf(',', first.end());
      if (comma < 0 || comma >= words.get(participle).start()) return null;
      k = Words.firstAtOrAfter(words, comma);
    }
    return SpeakerPhrases.subjectAt(text, words, k);
  }

  // "announced that …", "reported in 2012 that …", "asked whether …": what was said follows within a few words.
  private boolean introducesSpeech(int verb) {
    for (int i = verb + 1; i < words.size() && i <= verb + 4; i++) {
      String gap = Words.gap(text, words.get(i - 1).end(), words.get(i).start());
      if (gap.equals(":")) return true;
      if (!gap.isEmpty()) return false;
      if (Lexicon.SPEECH_OPENERS.contains(words.get(i).bare())) return true;
    }
    return false;
  }

  // The word at `pos` follows a comma or a closing quotation mark: "…,” said Safadi", "…, saying".
  private boolean afterBreak(int pos) {
    int p = pos - 1;
    while (p >= 0 && Character.isWhitespace(text.charAt(p))) p--;
    return p >= 0 && ",”\"’'".indexOf(text.charAt(p)) >= 0;
  }

  // The quotation's last word ends its sentence with a full stop inside the marks (“… progress.”): a clause after
  // it starts a new sentence.
  private boolean endsWithFullStop(Quotation q) {
    int p = q.close() - 1;
    while (p > q.open() && Character.isWhitespace(text.charAt(p))) p--;
    return p > q.open() && text.charAt(p) == '.';
  }

  // A clause leads into a quotation when only a few words of the same sentence stand between them.
  private boolean leadsInto(int from, int to) {
    String between = text.substring(from, to);
    if (between.matches("(?s).*[.?!](\\s.*|)") || between.matches("(?s).*[“”\"].*")) return false;
    return Words.of(between).size() <= MAX_LEAD_WORDS;
  }
}
