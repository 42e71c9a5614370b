package dev.storybot.answer;

/** Small text helpers shared by the answer path and its renderers. */
public final class Texts {

  private Texts() {}

  /** {@code n} with the word that goes with it: "1 story", "3 stories", "0 stories". */
  public static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** Cuts {@code text} to at most {@code max} characters, ending with "…" when cut, never splitting a surrogate pair. */
  public static String truncate(String text, int max) {
    if (text.length() <= max) return text;
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
    return text.substring(0, end).stripTrailing() + "…";
  }
}
