package dev.storybot.search;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of answer a question expects, read from its question word, and whether a sentence offers one: a
 * "who" or "where" question is answered by a name, a "when" by a date, a "how many" by a number.
 */
public enum AnswerType {
  /** who, whom, whose: a person or organisation, i.e. a capitalised name. */
  NAME,
  /** where, which country/city: a place, i.e. a capitalised name. */
  PLACE,
  /** when, what year: a date, a year, a month or day, a century. */
  DATE,
  /** how many, how much, how long, what percentage: a number. */
  NUMBER,
  /** anything else: no preference. */
  ANY;

  private static final Pattern YEARISH = Pattern.compile(
      "\\b(\\d{1,4}(s|th|st|nd|rd)?|january|february|march|april|may|june|july|august|september|october|november"
          + "|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|century|centuries|decade|year|years"
          + "|today|yesterday|tomorrow|ago|later|earlier|since|until)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBERISH = Pattern.compile(
      "\\b(\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
          + "|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|half|third|quarter)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern QUESTION_WORD =
      Pattern.compile("\\b(who|whom|whose|where|when|how|what|which)\\b\\s*(\\p{L}*)");
  private static final Pattern CAPITALISED = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}'’-]+");
  private static final Set<String> PLACE_NOUNS = Set.of(
      "country", "countries", "city", "cities", "town", "region", "state", "place", "continent", "island", "nation");
  private static final Set<String> NUMBER_NOUNS = Set.of("many", "much", "long", "far", "old", "big", "large");

  /** The type a question expects, from its leading question words ("In what year…" counts as DATE). */
  public static AnswerType of(String question) {
    String q = question == null ? "" : question.toLowerCase(Locale.ROOT);
    Matcher m = QUESTION_WORD.matcher(q);
    if (!m.find()) return ANY;
    String word = m.group(1);
    String next = m.group(2);
    switch (word) {
      case "who", "whom", "whose": return NAME;
      case "where": return PLACE;
      case "when": return DATE;
      case "how": return NUMBER_NOUNS.contains(next) ? NUMBER : ANY;
      default:
        if (next.equals("year") || next.equals("century") || next.equals("date") || next.equals("decade")) return DATE;
        if (next.equals("percentage") || next.equals("number") || next.equals("amount")) return NUMBER;
        return PLACE_NOUNS.contains(next) ? PLACE : ANY;
    }
  }

  /**
   * True when {@code sentence} holds something of this type that is not already in the question (a name the
   * question itself mentions answers nothing).
   */
  public boolean offeredBy(String sentence, AnalyzedQuestion question) {
    return switch (this) {
      case NAME, PLACE -> hasNewName(sentence, question);
      case DATE -> YEARISH.matcher(sentence).find();
      case NUMBER -> NUMBERISH.matcher(sentence).find();
      case ANY -> false;
    };
  }

  /**
   * How many answers of this type {@code sentence} offers that the question does not already hold (at most
   * {@code cap}): distinct new names for "who" and "where", dates for "when", numbers for "how many"; 0 for ANY.
   */
  public int countOffered(String sentence, AnalyzedQuestion question, int cap) {
    Matcher m = switch (this) {
      case NAME, PLACE -> CAPITALISED.matcher(sentence);
      case DATE -> YEARISH.matcher(sentence);
      case NUMBER -> NUMBERISH.matcher(sentence);
      case ANY -> null;
    };
    if (m == null) return 0;
    Set<String> asked = new HashSet<>();
    for (QueryTerm t : question.terms()) asked.add(t.exact());
    Set<String> found = new HashSet<>();
    boolean first = true;
    while (m.find() && found.size() < cap) {
      boolean opening = first && sentence.substring(0, m.start()).chars().noneMatch(Character::isLetterOrDigit);
      first = false;
      String word = m.group().toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
      if ((this != NAME && this != PLACE || !opening) && !asked.contains(word)) found.add(word);
    }
    return found.size();
  }

  private static boolean hasNewName(String sentence, AnalyzedQuestion question) {
    Matcher m = CAPITALISED.matcher(sentence);
    Set<String> asked = new HashSet<>();
    for (QueryTerm t : question.terms()) asked.add(t.exact());
    boolean first = true;
    while (m.find()) {
      // The sentence's first word is capitalised by grammar.
      boolean opening = first && sentence.substring(0, m.start()).chars().noneMatch(Character::isLetterOrDigit);
      first = false;
      String word = m.group().toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
      if (!opening && !asked.contains(word)) return true;
    }
    return false;
  }
}
