package dev.storybot.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Names, places, organisations and numbers for the generated corpus. A few hundred common names form the head of
 * each list and syllable-built names a long tail, drawn so that a few are frequent and most are rare, as in news.
 */
final class Vocabulary {

  /** Distinct surnames and places available (the lists, then syllable-built ones). */
  static final int TAIL = 200_000;

  private static final List<String> FIRST = List.of(
      "Ana", "Ben", "Clara", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Karin", "Luis", "Maya",
      "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Samir", "Tess", "Ulrich", "Vera", "Wen", "Yusuf", "Zofia",
      "Aisha", "Bruno", "Chloe", "Dmitri", "Esther", "Felix", "Greta", "Hamid", "Ingrid", "Jorge", "Kenji", "Leila",
      "Marco", "Nora", "Oskar", "Paula", "Rafael", "Sofia", "Tomas", "Uma", "Viktor", "Wanda", "Xavier", "Yara",
      "Amir", "Beatrice", "Carlos", "Daria", "Emil", "Fatima", "Gideon", "Hana", "Ivan", "Julia", "Kwame", "Lena",
      "Mateo", "Nina", "Olga", "Pedro", "Rania", "Stefan", "Talia", "Victor", "Wiktor", "Yasmin", "Zainab", "Adele",
      "Bilal", "Cora", "Dylan", "Eva", "Fiona", "George", "Helen", "Isaac", "Joanna", "Kofi", "Lars", "Miriam");

  private static final List<String> LAST = List.of(
      "Okafor", "Lindqvist", "Moreau", "Haddad", "Novak", "Castillo", "Brennan", "Takahashi", "Petrov", "Mensah",
      "Andersen", "Ferreira", "Kowalski", "Nakamura", "Osei", "Rahman", "Schulz", "Vargas", "Whitfield", "Yilmaz",
      "Abbott", "Bianchi", "Costa", "Dubois", "Eriksen", "Fischer", "Gallagher", "Hoffmann", "Ibrahim", "Jensen",
      "Keller", "Lopez", "Meyer", "Nilsen", "O'Connor", "Pereira", "Quinn", "Rossi", "Santos", "Tanaka", "Ueda",
      "Varga", "Weber", "Xu", "Young", "Zimmermann", "Achebe", "Bergstrom", "Carvalho", "Dimitrov", "Edwards",
      "Fontaine", "Gonzalez", "Horvath", "Iqbal", "Jovanovic", "Kaplan", "Larsen", "Mahmoud", "Nyberg", "Ortega");

  private static final List<String> PLACES = List.of(
      "Ashford", "Brightwater", "Carrick", "Dunmore", "Eastholm", "Fairhaven", "Glenrock", "Harwick", "Ironbridge",
      "Kestrel Bay", "Lowmoor", "Millbrook", "Northgate", "Oakridge", "Port Ellis", "Redcliff", "Saltmarsh",
      "Thornbury", "Upper Vale", "Westmere", "Yarrow", "Alderney Cross", "Bramley", "Coldharbour", "Deepdale",
      "Elmstead", "Foxley", "Greystone", "Hollins", "Kingsbridge", "Larkhill", "Marlow Sands", "Newhaven",
      "Oldcastle", "Penrith Point", "Rivermouth", "Stonehaven", "Tidewell", "Wexcombe", "Whitsand");

  private static final List<String> ORG_KINDS = List.of(
      "Harbour Authority", "Water Company", "Health Trust", "Building Society", "Rail Company", "University",
      "Foundation", "Energy", "Institute", "Chamber of Commerce", "Housing Association", "Engineering", "Bank");

  private static final List<String> ROLES = List.of(
      "chair", "chief executive", "spokesperson", "director", "head of operations", "finance director",
      "deputy mayor", "general secretary", "senior analyst", "president");

  private static final List<String> SOURCES = List.of(
      "The Harbour Gazette", "Northern Ledger", "Valley Courier", "The Coastal Times", "Riverside Post",
      "The Morning Standard", "City Wire", "The Evening Record", "Highland Herald", "Metro Daily");

  static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
  static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December");

  private static final String[] ONSETS = {"b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p",
      "r", "s", "st", "t", "tr", "v", "w", "z", "ch", "sh", "th", "kl"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ae", "ei", "ou", "y"};
  private static final String[] CODAS = {"", "", "n", "r", "l", "s", "m", "th", "nd", "rk", "sk", "ck"};
  private static final String[] PLACE_ENDS = {"ford", "ham", "mouth", "wick", "by", "holm", "stead", "ton", "dale",
      "haven"};

  private Vocabulary() {}

  static String firstName(SplittableRandom r) {
    return FIRST.get(r.nextInt(FIRST.size()));
  }

  /** A surname: one of the list or, mostly, a rare syllable-built one. */
  static String surname(SplittableRandom r) {
    int i = skewed(r);
    return i < LAST.size() ? LAST.get(i) : capitalised(syllables(i * 31L + 7, 2 + (int) (i % 2)));
  }

  static String place(SplittableRandom r) {
    int i = skewed(r);
    return i < PLACES.size() ? PLACES.get(i)
        : capitalised(syllables(i * 17L + 3, 1 + (int) (i % 2)) + PLACE_ENDS[(int) (i % PLACE_ENDS.length)]);
  }

  static String organisation(SplittableRandom r, String place, String surname) {
    String kind = ORG_KINDS.get(r.nextInt(ORG_KINDS.size()));
    return r.nextInt(3) == 0 ? surname + " " + kind : place + " " + kind;
  }

  static String role(SplittableRandom r) {
    return ROLES.get(r.nextInt(ROLES.size()));
  }

  static String source(SplittableRandom r) {
    return SOURCES.get(r.nextInt(SOURCES.size()));
  }

  static String pick(SplittableRandom r, List<String> words) {
    return words.get(r.nextInt(words.size()));
  }

  // Index in [0, TAIL) with density falling like a power law: the head of the lists is drawn often, the tail rarely.
  private static int skewed(SplittableRandom r) {
    double u = r.nextDouble();
    return (int) (TAIL * u * u * u * u);
  }

  // A pronounceable word determined by `key` alone, so the same index always names the same person or place.
  private static String syllables(long key, int count) {
    SplittableRandom r = new SplittableRandom(key);
    StringBuilder word = new StringBuilder();
    for (int s = 0; s < count; s++) {
      word.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
      if (s == count - 1 || r.nextInt(3) == 0) word.append(CODAS[r.nextInt(CODAS.length)]);
    }
    return word.toString();
  }

  private static String capitalised(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
