package dev.storybot.search;

import dev.storybot.search.Mentions.Mention;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The people of one story: names the story shows to be people's, by a title or role ("Secretary of State Antony
 * Blinken") or by a full name that speaks ("Ayman Safadi said"). Lets a paragraph that names a person by surname
 * alone ("Blinken’s priorities …") offer that person for a "he" or "she" that follows.
 */
public final class People {

  private static final People NONE = new People(Set.of());

  private final Set<String> keys;

  private People(Set<String> keys) {
    this.keys = Set.copyOf(keys);
  }

  /** No one known beyond what each paragraph says itself. */
  public static People none() {
    return NONE;
  }

  /** The people named in {@code paragraphs} (one story's). */
  public static People of(List<String> paragraphs) {
    Set<String> keys = new HashSet<>();
    for (String p : paragraphs) {
      for (Mention m : Mentions.of(Attributions.of(p), NONE)) keys.add(m.key());
    }
    return new People(keys);
  }

  /** Whether a name ending in {@code word} (any case, possessive or not) is a known person's. */
  public boolean knows(String word) {
    return keys.contains(Words.lower(Words.stripPossessive(word)));
  }

  /** How many people are known. */
  public int size() {
    return keys.size();
  }
}
