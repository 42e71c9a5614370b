package dev.storybot.search;

import java.util.Objects;
import java.util.Optional;

/**
 * Who said a quote, in the story's own words: the phrase that names the speaker ("Jordanian Foreign Minister Ayman
 * Safadi", "a White House readout"), split into name and role when its words allow, and where the attribution
 * clause is, so that an excerpt can either include it or carry the speaker on its attribution line.
 *
 * @param mention where the phrase is in the paragraph (for a pronoun, where the person it stands for is named)
 * @param phrase the phrase, verbatim: {@code mention} of the paragraph
 * @param name the person's (or body's) name within the phrase, verbatim, or null when the phrase has none
 * @param role the title or role given with the name, verbatim, or null
 * @param roleFirst whether the role is written before the name ("Foreign Minister Ayman Safadi") rather than after
 *     it ("Ines Vidal, the chair")
 * @param clause the attribution clause in the paragraph ("Jordanian Foreign Minister Ayman Safadi said")
 * @param clauseInQuote whether the clause lies inside the quoted range, so the quote already says who speaks
 */
public record Speaker(TextRange mention, String phrase, String name, String role, boolean roleFirst,
                      TextRange clause, boolean clauseInQuote) {

  public Speaker {
    Objects.requireNonNull(mention, "mention");
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(clause, "clause");
    if (phrase.isBlank()) throw new IllegalArgumentException("blank speaker phrase at " + mention);
  }

  /**
   * The speaker for an attribution line: "Ayman Safadi, Jordanian foreign minister" (a title before a name is
   * lower-cased, as after a name it would be), "Ines Vidal, the cooperative chair", "Blinken", or the phrase
   * itself ("a White House readout").
   */
  public String display() {
    if (name == null) return lowerFirstDeterminer(withoutOpenParenthesis(phrase));
    if (role == null) return name;
    // "Chief Roach", "President Biden": a one-word title before a surname reads best as written.
    if (roleFirst && !role.contains(" ") && !name.contains(" ") && phrase.endsWith(role + " " + name)) {
      return role + " " + name;
    }
    // Words before a name are moved after it only when they end in a title ("Jordanian Foreign Minister"); otherwise
    // ("Jody Rosen of Rolling Stone", "NSW Liberal MP Gareth Ward") the split may be wrong, and the phrase is shown
    // as the story wrote it rather than rearranged into something it did not say.
    if (roleFirst && !endsInTitle(role)) return lowerFirstDeterminer(withoutOpenParenthesis(phrase));
    return name + ", " + (roleFirst ? lowerTrailingTitles(role) : role);
  }

  // "… Foreign Minister", "… spokesperson", "… producer" (a common noun), or a title of something: "Secretary of State".
  private static boolean endsInTitle(String role) {
    String[] parts = role.split("\\s+");
    int of = parts.length - 1;
    while (of > 0 && !parts[of].equals("of")) of--;
    return title(parts[parts.length - 1]) || of > 0 && title(parts[of - 1]);
  }

  private static boolean title(String word) {
    String bare = Words.lower(Words.stripPossessive(word));
    boolean lower = !word.isEmpty() && Character.isLowerCase(word.charAt(0));
    return lower || Lexicon.TITLE_WORDS.contains(bare)
        || Lexicon.ROLE_WORDS.contains(bare) && !Lexicon.INSTITUTION_WORDS.contains(bare);
  }

  /** A key that is the same for two mentions of one speaker: the last word of the name, else the phrase. */
  public String key() {
    String basis = name != null ? name : phrase;
    String[] parts = basis.split("\\s+");
    return Words.lower(Words.stripPossessive(name != null ? parts[parts.length - 1] : basis));
  }

  /**
   * {@code quote} grown to take in the attribution clause (and the full stop that ends it), when the result stays
   * within {@code maxChars}; empty when the clause is already inside or the result would be too long.
   */
  public Optional<TextRange> quoteWithClause(String paragraph, TextRange quote, int maxChars) {
    if (clauseInQuote) return Optional.empty();
    int start = Math.min(quote.start(), clause.start());
    int end = Math.max(quote.end(), clause.end());
    if (end < paragraph.length() && ".!?".indexOf(paragraph.charAt(end)) >= 0) end++;
    return end - start <= maxChars ? Optional.of(new TextRange(start, end)) : Optional.empty();
  }

  // "Martin Dolan of the Australian Transport Safety Bureau (ATSB": a phrase cut at a comma inside brackets.
  private static String withoutOpenParenthesis(String phrase) {
    int open = phrase.lastIndexOf('(');
    return open > 0 && phrase.indexOf(')', open) < 0 ? phrase.substring(0, open).strip() : phrase;
  }

  // "A senior State Department official" opens its sentence; on an attribution line it reads "a senior …".
  private static String lowerFirstDeterminer(String phrase) {
    int space = phrase.indexOf(' ');
    if (space < 0) return phrase;
    String first = phrase.substring(0, space);
    return Lexicon.DETERMINERS.contains(Words.lower(first)) ? Words.lower(first) + phrase.substring(space) : phrase;
  }

  // "Jordanian Foreign Minister" → "Jordanian foreign minister": only the title words at its end, so that
  // "Ministry of Foreign Affairs spokesperson" keeps its capitals.
  private static String lowerTrailingTitles(String role) {
    String[] parts = role.split(" ");
    for (int i = parts.length - 1; i >= 0; i--) {
      String bare = Words.lower(parts[i]);
      boolean capital = !parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0));
      boolean title = Lexicon.TITLE_WORDS.contains(bare)
          || Lexicon.ROLE_WORDS.contains(bare) && !(capital && Lexicon.INSTITUTION_WORDS.contains(bare));
      if (!title) break;
      parts[i] = bare;
    }
    return String.join(" ", parts);
  }
}
