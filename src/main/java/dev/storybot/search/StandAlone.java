package dev.storybot.search;

import dev.storybot.search.Mentions.Mention;
import dev.storybot.search.Quote.Kind;
import dev.storybot.search.Quote.Segment;
import dev.storybot.search.Quotations.Balance;
import dev.storybot.search.Words.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes a quote stand on its own. A quote that opens with a pronoun or a connective ("He also …", "That’s
 * something …", "But just hours after …") leans on the sentence before: it takes that sentence in too while the
 * whole stays within the length limit; failing that, a "he" or "she" gives way to the person's name in brackets,
 * taken verbatim from the paragraph ("[Blinken] also repeatedly advocated …"), and a connective is left out
 * behind an ellipsis ("…just hours after …"). Any other pronoun stays as written: its subject cannot be named
 * without inventing words. Last, quotation marks the cut leaves without their partner are added
 * ({@link Quotations#balance}), with an ellipsis inside them where the cut falls mid-sentence.
 */
public final class StandAlone {

  /** Opening words that point back to the sentence before. */
  private static final Set<String> PRONOUNS = Set.of(
      "he", "she", "it", "they", "his", "her", "its", "their", "this", "that", "these", "those", "such", "him",
      "them");

  /** Opening words that join a sentence to the one before and can be left out. */
  private static final Set<String> CONNECTIVES = Set.of(
      "but", "however", "also", "and", "still", "yet", "meanwhile", "instead", "moreover", "furthermore",
      "nevertheless", "nonetheless", "so", "then", "thus", "therefore", "likewise", "similarly", "besides",
      "otherwise", "indeed", "hence", "accordingly", "consequently", "additionally", "or", "plus");

  private final People people;

  /** Pronouns resolved from the paragraph alone. */
  public StandAlone() {
    this(People.none());
  }

  /** Pronouns resolved with the help of the people the story names ({@link People#of}). */
  public StandAlone(People people) {
    this.people = people;
  }

  /** {@link #quote(String, TextRange, int)} within {@link SentencePicker#MAX_QUOTE_CHARS}. */
  public Quote quote(String paragraph, TextRange range) {
    return quote(paragraph, range, SentencePicker.MAX_QUOTE_CHARS);
  }

  /**
   * The quote of {@code range} of {@code paragraph} made to stand on its own, its verbatim range at most
   * {@code maxChars} long (or {@code range} itself, when that is longer already).
   */
  public Quote quote(String paragraph, TextRange range, int maxChars) {
    if (range.end() > paragraph.length()) {
      throw new IllegalArgumentException("quote " + range + " runs past the paragraph's " + paragraph.length()
          + " characters");
    }
    List<TextRange> sentences = Sentences.split(paragraph);
    List<Word> words = Words.of(paragraph);
    TextRange r = leadIn(paragraph, sentences, range, maxChars);
    List<Segment> segments = new ArrayList<>();
    Word lean = sentenceStarting(sentences, paragraph, r.start()) >= 0 ? leans(words, r.start()) : null;
    Mention person = lean != null && Lexicon.PERSON_PRONOUNS.contains(lean.bare())
        ? Mentions.onlyPersonBefore(Attributions.of(paragraph), people, lean.start()) : null;
    int from = r.start();
    if (person != null) {
      if (lean.start() > from) segments.add(Quote.words(paragraph, new TextRange(from, lean.start())));
      segments.add(Quote.added(Kind.BRACKETED, person.name().of(paragraph)));
      from = lean.end();
    } else if (lean != null && CONNECTIVES.contains(lean.bare())) {
      int next = Words.firstAtOrAfter(words, lean.end());
      if (next < words.size() && words.get(next).start() < r.end()) {
        if (lean.start() > from) segments.add(Quote.words(paragraph, new TextRange(from, lean.start())));
        segments.add(Quote.added(Kind.ELLIPSIS, "…"));
        from = words.get(next).start();
      }
    }
    segments.add(Quote.words(paragraph, new TextRange(from, r.end())));
    return balanced(paragraph, r, sentences, segments);
  }

  /**
   * {@code range} of {@code paragraph} (split into {@code sentences}) with the sentences before it that it leans on
   * taken in, one by one, while the whole stays within {@code maxChars}: the one lead-in rule, which
   * {@link SentencePicker} scores by and {@link #quote} shows. A range that does not start a sentence (a cut) takes
   * nothing in.
   */
  public static TextRange leadIn(String paragraph, List<TextRange> sentences, TextRange range, int maxChars) {
    TextRange r = range;
    for (int i = sentenceStarting(sentences, paragraph, r.start()); i > 0 && leansAt(paragraph, sentences.get(i), r.start());
         i = sentenceStarting(sentences, paragraph, r.start())) {
      TextRange wider = new TextRange(sentences.get(i - 1).start(), r.end());
      if (wider.length() > maxChars) break;
      r = wider;
    }
    return r;
  }

  // The text at `pos`, inside `sentence`, opens with a word that points back. Reads the one sentence only: the picker
  // asks this of every paragraph it scores.
  private static boolean leansAt(String paragraph, TextRange sentence, int pos) {
    List<Word> words = Words.of(paragraph.substring(pos, sentence.end()));
    return leans(words, 0) != null;
  }

  // Adds the marks that pair the cut quotation marks, with an ellipsis inside them where the cut is mid-sentence.
  private static Quote balanced(String paragraph, TextRange r, List<TextRange> sentences, List<Segment> segments) {
    Balance b = Quotations.balance(paragraph, r);
    List<Segment> out = new ArrayList<>();
    if (!b.before().isEmpty()) {
      out.add(Quote.added(Kind.MARK, b.before()));
      boolean cut = sentenceStarting(sentences, paragraph, r.start()) < 0;
      if (cut && segments.get(0).kind() != Kind.ELLIPSIS) out.add(Quote.added(Kind.ELLIPSIS, "…"));
    }
    out.addAll(segments);
    if (!b.after().isEmpty()) {
      boolean cut = sentences.stream().noneMatch(s -> s.end() == r.end()) && !endsSentence(paragraph, r.end());
      if (cut) out.add(Quote.added(Kind.ELLIPSIS, "…"));
      out.add(Quote.added(Kind.MARK, b.after()));
    }
    return new Quote(r, out);
  }

  // The index of the sentence that starts at `pos` (quotation marks before its first word allowed), or -1.
  private static int sentenceStarting(List<TextRange> sentences, String paragraph, int pos) {
    for (int i = 0; i < sentences.size(); i++) {
      TextRange s = sentences.get(i);
      if (s.start() > pos) break;
      if (s.start() == pos || pos < s.end() && Words.gap(paragraph, s.start(), pos).matches("[“\"‘'(]*")) return i;
    }
    return -1;
  }

  // The word the text at `pos` opens with, when it points back (a pronoun or a connective); else null.
  private static Word leans(List<Word> words, int pos) {
    int i = Words.firstAtOrAfter(words, pos);
    if (i >= words.size()) return null;
    Word w = words.get(i);
    return PRONOUNS.contains(w.bare()) || CONNECTIVES.contains(w.bare()) ? w : null;
  }

  // A sentence ends at `end`: the last character before it is a full stop, a question or an exclamation mark.
  private static boolean endsSentence(String paragraph, int end) {
    int p = end - 1;
    while (p >= 0 && "”\"’')".indexOf(paragraph.charAt(p)) >= 0) p--;
    return p >= 0 && ".?!".indexOf(paragraph.charAt(p)) >= 0;
  }
}
