package dev.storybot.eval;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The README's hit rule: a quote hits when it contains a gold answer, compared case-insensitively, with runs of
 * white space folded to one space and curly quotes straightened.
 */
public final class QuoteMatch {
  /** The user sees at most this many characters of a quote, so only they can hit. */
  public static final int SHOWN_CHARS = 400;

  private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  private QuoteMatch() {}

  /** True when the (shown part of the) quote contains any of the gold answers. */
  public static boolean hits(String quote, Collection<String> answers) {
    if (quote == null) return false;
    String shown = normalize(quote.length() > SHOWN_CHARS ? quote.substring(0, SHOWN_CHARS) : quote);
    for (String answer : answers) {
      String gold = normalize(answer).strip();
      if (!gold.isEmpty() && shown.contains(gold)) return true;
    }
    return false;
  }

  /** Lower case, curly quotes straightened, white-space runs folded to one space. */
  public static String normalize(String text) {
    String straight = text
        .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201A', '\'').replace('\u201B', '\'')
        .replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"').replace('\u201F', '"');
    return SPACE.matcher(straight.toLowerCase(Locale.ROOT)).replaceAll(" ");
  }
}
