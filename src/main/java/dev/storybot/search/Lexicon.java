package dev.storybot.search;

import java.util.Arrays;
import java.util.Set;

/**
 * Closed word lists for finding who said what: speech verbs, words of titles and roles, and the small words that
 * bound a speaker's name. English news usage; all lower case.
 */
final class Lexicon {

  /** Finite verbs that report speech or writing ("said", "told", "added"). */
  static final Set<String> SPEECH_VERBS = words(
      "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "stated", "wrote", "writes",
      "noted", "stressed", "stresses", "explained", "explains", "argued", "argues", "insisted", "insists",
      "claimed", "declared", "declares", "announced", "announces", "warned", "warns", "urged", "urges", "replied",
      "responded", "acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes", "confirmed",
      "confirms", "recalled", "recalls", "remarked", "observed", "suggested", "emphasized", "emphasised",
      "emphasizes", "emphasises", "tweeted", "posted", "commented", "predicted", "predicts", "promised",
      "promises", "vowed", "vows", "pledged", "maintained", "maintains", "contended", "countered", "cautioned",
      "reiterated", "testified", "concluded", "complained", "continued", "asserted", "asserts", "described",
      "spoke", "assured", "denied", "denies", "reported", "reports", "announced", "disclosed", "revealed",
      "boasted", "joked", "quipped", "shouted", "whispered", "answered", "agreed", "conceded", "indicated");

  /**
   * Speech verbs that as often report something else ("Robert continued his campaign", "agreed to terminate",
   * "asked the Office to investigate"): they make a sentence reported speech only before "that", "whether" or a
   * colon, though they still attribute a quotation next to them.
   */
  static final Set<String> WEAK_SPEECH_VERBS = words(
      "continued", "agreed", "asked", "asks", "described", "spoke", "announced", "announces", "posted", "concluded",
      "reported", "reports", "confirmed", "confirms", "observed", "answered", "indicated", "promised", "promises",
      "maintained", "maintains", "recalled", "recalls", "denied", "denies");

  /** Words after a weak speech verb that show it reports speech. */
  static final Set<String> SPEECH_OPENERS = words("that", "whether", "if", "why", "how", "what", "when");

  /** Present participles that attach speech to the sentence's subject ("…, saying, “…”"). */
  static final Set<String> SPEECH_PARTICIPLES = words(
      "saying", "adding", "telling", "noting", "arguing", "warning", "stressing", "insisting", "asking",
      "explaining", "writing", "declaring", "claiming", "urging", "vowing", "calling", "describing");

  /** What a speaker issues, that a participle then reports: "issued a statement saying …". */
  static final Set<String> MESSAGES = words(
      "statement", "tweet", "post", "letter", "message", "note", "email", "release", "video", "speech");

  /** Lower-case words that make up a title or role in front of a name ("spokesperson Majed Al-Ansari"). */
  static final Set<String> ROLE_WORDS = words(
      "spokesperson", "spokesman", "spokeswoman", "official", "officials", "minister", "ministers", "secretary",
      "president", "chair", "chairman", "chairwoman", "chairperson", "head", "director", "librarian", "mayor",
      "officer", "senior", "top", "chief", "deputy", "foreign", "prime", "general", "diplomat", "diplomats",
      "envoy", "ambassador", "adviser", "advisor", "leader", "leaders", "commander", "member", "members", "analyst",
      "professor", "researcher", "executive", "manager", "founder", "owner", "lawyer", "attorney", "governor",
      "senator", "lawmaker", "lawmakers", "representative", "councillor", "councilor", "coach", "captain",
      "economist", "scientist", "historian", "curator", "engineer", "farmer", "grower", "growers", "teacher",
      "principal", "superintendent", "inspector", "detective", "sheriff", "judge", "justice", "prosecutor",
      "readout", "statement", "report", "spokespeople", "administration", "department", "ministry", "state",
      "national", "regional", "local", "former", "acting", "interim", "vice", "assistant", "associate", "press",
      "defense", "defence", "military", "government", "police", "union", "council", "board", "committee",
      "agency", "office", "chancellor", "king", "queen", "prince", "pope", "bishop", "ceo", "cfo", "chef",
      "owner", "author", "writer", "editor", "correspondent", "witness", "resident", "residents", "survivor",
      "cooperative", "newspaper", "magazine", "broadcaster", "website", "company", "firm", "study", "survey",
      "co-founder", "co-chair", "archivist", "conservator", "firefighter", "investigator",
      "investigators", "architect", "designer", "doctor", "nurse", "surgeon", "physician", "pilot", "keeper", "counterpart", "hydrologist", "spokesperson");

  /** Role words that, capitalised, name an institution ("State Department", "Police Chief"): never lower-cased. */
  static final Set<String> INSTITUTION_WORDS = words(
      "department", "ministry", "administration", "government", "police", "union", "council", "board", "committee",
      "agency", "office", "state", "national", "regional", "local", "press", "defense", "defence", "military");

  /** Capitalised words that are a title, not part of a person's name ("Foreign Minister", "President"). */
  static final Set<String> TITLE_WORDS = words(
      "president", "minister", "secretary", "prime", "foreign", "mayor", "senator", "sen.", "gov.", "governor",
      "rep.", "representative", "chancellor", "king", "queen", "prince", "princess", "pope", "general", "gen.",
      "admiral", "colonel", "col.", "captain", "capt.", "lt.", "sgt.", "sergeant", "judge", "justice", "chief",
      "deputy", "vice", "ambassador", "spokesperson", "spokesman", "spokeswoman", "chairman", "chairwoman",
      "chair", "director", "commissioner", "speaker", "leader", "head", "professor", "prof.", "dr.", "rev.",
      "bishop", "cardinal", "sheriff", "officer", "attorney", "cooperative", "councillor", "councilor", "senior",
      "former", "acting", "interim", "ceo", "sir", "dame", "lord", "lady", "emir", "sheikh", "crown",
      "librarian", "curator", "coach", "envoy", "commander", "inspector", "detective", "superintendent", "mr", "mrs",
      "ms", "mrs.", "mr.", "ms.", "miss", "mx");

  /** Honorifics that belong with the name they precede ("Mr Christodoulides", "Ms. Wilkinson"). */
  static final Set<String> HONORIFICS = words("mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "miss", "mx");

  /** Capitalised words that make a name an organisation's or a place's, not a person's. */
  static final Set<String> ORG_WORDS = words(
      "house", "department", "ministry", "office", "council", "authority", "government", "agency", "party",
      "university", "committee", "court", "police", "army", "forces", "bank", "company", "inc", "corp", "news",
      "times", "post", "press", "association", "union", "commission", "service", "group", "organization",
      "organisation", "institute", "fund", "foundation", "center", "centre", "affairs", "nations", "states",
      "republic", "kingdom", "league", "board", "club", "museum", "library", "school", "college", "hospital",
      "administration", "coalition", "federation", "corporation", "network", "agency", "senate", "congress",
      "parliament", "assembly", "cabinet", "embassy", "guard", "navy", "reuters", "cnn", "bbc", "ap", "afp");

  /** Small words that may join the words of a title or name ("Ministry of Foreign Affairs"). */
  static final Set<String> JOINERS = words("of", "for", "at", "the", "and", "on");

  /** Lower-case particles inside names ("Ursula von der Leyen"). */
  static final Set<String> PARTICLES = words(
      "de", "da", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "du", "di", "dos", "del");

  /** Words that open a noun phrase and end the search for its start. */
  static final Set<String> DETERMINERS = words("a", "an", "the", "another", "one", "two", "three", "several",
      "many", "some", "both");

  /** Words between a speaker and the speech verb that belong to neither ("also", "has", "on Monday"). */
  static final Set<String> BETWEEN = words(
      "has", "have", "had", "also", "again", "later", "then", "once", "previously", "earlier", "would", "will",
      "could", "had", "on", "last", "this", "today", "yesterday", "tonight", "recently", "further", "not",
      "never", "often", "still", "already", "since", "first", "initially", "separately", "too", "did", "does",
      "both", "all", "each", "jointly", "together");

  /** Weekdays and months: words that are capitalised but name no one. */
  static final Set<String> CALENDAR = words(
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
      "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");

  /** Relative pronouns: a clause after one is embedded in a sentence that someone else reports. */
  static final Set<String> RELATIVES = words("which", "who", "whom", "that", "whose");

  /** Conjunctions after which a new clause, and so a speaker, may start ("…, while Fernandes added that"). */
  static final Set<String> CONJUNCTIONS = words("and", "but", "as", "while", "whereas", "yet", "so", "when");

  /** Plural and collective nouns for speakers who are not named ("Residents said", "Police said"). */
  static final Set<String> GROUP_NOUNS = words(
      "officials", "residents", "insurers", "investigators", "police", "analysts", "experts", "critics", "witnesses",
      "doctors", "scientists", "researchers", "authorities", "organizers", "organisers", "protesters", "lawmakers",
      "sources", "activists", "economists", "observers", "supporters", "opponents", "farmers", "growers",
      "parents", "teachers", "students", "workers", "neighbors", "neighbours", "locals", "villagers", "officers",
      "firefighters", "prosecutors", "lawyers", "diplomats", "leaders", "members", "staff", "employees",
      "visitors", "fans", "people", "others", "voters", "customers", "users", "historians", "scholars",
      "engineers", "planners", "managers", "executives", "owners", "shoppers", "travelers", "travellers",
      "passengers", "drivers", "pilots", "nurses", "patients", "families", "relatives", "friends", "colleagues",
      "regulators", "investors", "traders", "bankers", "unions", "companies", "governments", "troops", "soldiers",
      "rebels", "militants", "survivors", "victims", "rescuers", "volunteers", "organizations", "organisations",
      "groups", "reports", "studies", "polls", "surveys", "data", "figures", "statistics", "documents", "records",
      "scholars", "forecasters", "meteorologists", "campaigners", "residents", "neighbours", "tenants", "landlords");

  /** Personal pronouns that may stand for a named person. */
  static final Set<String> PERSON_PRONOUNS = words("he", "she");

  /** Pronouns that never name a speaker the bot could show. */
  static final Set<String> OTHER_PRONOUNS = words("they", "we", "i", "you", "it", "this", "that", "who", "which");

  /**
   * Words that are capitalised only because they open a sentence or a clause: never part of a name.
   */
  static final Set<String> FUNCTION = words(
      "the", "a", "an", "another", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "from", "with", "by",
      "as", "after", "before", "while", "when", "if", "this", "that", "these", "those", "it", "he", "she", "they",
      "we", "i", "you", "his", "her", "its", "their", "our", "my", "your", "still", "however", "also", "meanwhile",
      "despite", "throughout", "standing", "behind", "during", "since", "although", "though", "because", "what",
      "how", "why", "who", "where", "there", "here", "then", "now", "today", "yesterday", "many", "most", "some",
      "all", "both", "each", "every", "no", "not", "one", "two", "three", "several", "few", "such", "according",
      "speaking", "asked", "instead", "indeed", "even", "only", "just", "under", "over", "about", "into", "than",
      "of", "to", "said", "says", "future");

  private Lexicon() {}

  // Set.copyOf, unlike Set.of, forgives a word listed twice in these long lists.
  private static Set<String> words(String... words) {
    return Set.copyOf(Arrays.asList(words));
  }

  /** Whether {@code lower} is a speech verb, including participles. */
  static boolean speech(String lower) {
    return SPEECH_VERBS.contains(lower) || SPEECH_PARTICIPLES.contains(lower);
  }
}
