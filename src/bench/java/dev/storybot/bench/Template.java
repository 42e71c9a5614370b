package dev.storybot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A sentence or headline with slots ({P1}, {PL2}, {YEAR} …), parsed once and filled many times. */
final class Template {

  /** What a slot stands for. */
  enum Slot { P1, P2, P3, S1, S2, S3, PL1, PL2, PL3, O1, O2, N, BIG, YEAR, PCT, MONEY, DAY, MONTH, ROLE }

  /** The people, places and organisations of one story, so a story keeps its cast from paragraph to paragraph. */
  record Cast(List<String> first, List<String> last, List<String> places, List<String> orgs) {

    static Cast draw(SplittableRandom r) {
      List<String> first = List.of(Vocabulary.firstName(r), Vocabulary.firstName(r), Vocabulary.firstName(r));
      List<String> last = List.of(Vocabulary.surname(r), Vocabulary.surname(r), Vocabulary.surname(r));
      List<String> places = List.of(Vocabulary.place(r), Vocabulary.place(r), Vocabulary.place(r));
      List<String> orgs = List.of(Vocabulary.organisation(r, places.get(0), last.get(1)),
          Vocabulary.organisation(r, places.get(1), last.get(2)));
      return new Cast(first, last, places, orgs);
    }
  }

  private static final Pattern SLOT = Pattern.compile("\\{([A-Z0-9]+)}");
  private static final Map<String, Slot> SLOTS = slots();

  private final List<String> literals;
  private final List<Slot> slots;
  private final int words;

  private Template(List<String> literals, List<Slot> slots, int words) {
    this.literals = literals;
    this.slots = slots;
    this.words = words;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException for an unknown slot name
   */
  static Template parse(String text) {
    List<String> literals = new ArrayList<>();
    List<Slot> slots = new ArrayList<>();
    Matcher m = SLOT.matcher(text);
    int at = 0;
    while (m.find()) {
      Slot slot = SLOTS.get(m.group(1));
      if (slot == null) throw new IllegalArgumentException("unknown slot {" + m.group(1) + "} in: " + text);
      literals.add(text.substring(at, m.start()));
      slots.add(slot);
      at = m.end();
    }
    literals.add(text.substring(at));
    return new Template(List.copyOf(literals), List.copyOf(slots), text.split(" ").length);
  }

  /** Words in the template, slots counted as one each (close enough for paragraph lengths). */
  int words() {
    return words;
  }

  /** Appends the template to {@code out} with every slot filled from {@code cast} or drawn from {@code r}. */
  void fill(StringBuilder out, Cast cast, SplittableRandom r) {
    for (int i = 0; i < slots.size(); i++) {
      out.append(literals.get(i));
      fill(out, slots.get(i), cast, r);
    }
    out.append(literals.get(literals.size() - 1));
  }

  private static void fill(StringBuilder out, Slot slot, Cast c, SplittableRandom r) {
    switch (slot) {
      case P1, P2, P3 -> {
        int i = slot.ordinal() - Slot.P1.ordinal();
        out.append(c.first().get(i)).append(' ').append(c.last().get(i));
      }
      case S1, S2, S3 -> out.append(c.last().get(slot.ordinal() - Slot.S1.ordinal()));
      case PL1, PL2, PL3 -> out.append(c.places().get(slot.ordinal() - Slot.PL1.ordinal()));
      case O1, O2 -> out.append(c.orgs().get(slot.ordinal() - Slot.O1.ordinal()));
      case N -> out.append(2 + r.nextInt(39));
      case BIG -> out.append(String.format(Locale.US, "%,d", 100 + r.nextInt(99_900)));
      case YEAR -> out.append(1950 + r.nextInt(76));
      case PCT -> out.append(1 + r.nextInt(95));
      case MONEY -> out.append('$').append(1 + r.nextInt(900)).append('.').append(r.nextInt(10)).append(" million");
      case DAY -> out.append(Vocabulary.pick(r, Vocabulary.DAYS));
      case MONTH -> out.append(Vocabulary.pick(r, Vocabulary.MONTHS));
      case ROLE -> out.append(Vocabulary.role(r));
      default -> throw new IllegalStateException("slot without a filler: " + slot);
    }
  }

  private static Map<String, Slot> slots() {
    Map<String, Slot> byName = new java.util.HashMap<>();
    for (Slot s : Slot.values()) byName.put(s.name(), s);
    return Map.copyOf(byName);
  }
}
