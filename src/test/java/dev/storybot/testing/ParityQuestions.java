package dev.storybot.testing;

import dev.storybot.answer.Question;
import dev.storybot.search.Sentences;
import dev.storybot.search.TextRange;
import dev.storybot.story.Story;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions for comparing two shelves: each made of a few words of a random sentence of the stories, as written
 * (capitals and all, so names make phrases), and turned one of nine ways in turn: as is, with a typo, with a source,
 * headline or date filter (some matching no story), with an earlier question as context, limited to a channel's
 * source, asking for the second page, or about nothing the stories hold. Seeded: the same stories and seed give the
 * same questions.
 */
public final class ParityQuestions {

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*|\\d[\\d,.]*\\d|\\d");
  private static final String[] OPENINGS = {"What", "Who", "When did", "Where", "How many", "Why", "Which"};
  private static final String[] MADE_UP = {"Zorblax", "Quindle", "Vantrosk", "Pellimore", "Okwuzi", "Tarrandine"};

  private ParityQuestions() {}

  /** {@code count} questions about {@code stories}. */
  public static List<Question> of(List<Story> stories, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Question> out = new ArrayList<>();
    String previous = null;
    for (int i = 0; out.size() < count && i < count * 20; i++) {
      Story story = stories.get(r.nextInt(stories.size()));
      if (story.paragraphs().isEmpty()) continue;
      String paragraph = story.paragraphs().get(r.nextInt(story.paragraphs().size()));
      List<TextRange> sentences = Sentences.split(paragraph);
      List<String> words = words(sentences.get(r.nextInt(sentences.size())).of(paragraph));
      if (words.size() < 3) continue;
      int take = 2 + r.nextInt(3);
      int from = r.nextInt(Math.max(1, words.size() - take));
      String text = OPENINGS[r.nextInt(OPENINGS.length)] + " " + String.join(" ", words.subList(from,
          Math.min(words.size(), from + take))) + "?";
      out.add(turn(out.size() % 9, text, story, previous, r));
      previous = text;
    }
    return out;
  }

  private static Question turn(int kind, String text, Story story, String previous, SplittableRandom r) {
    String source = story.attribution().source();
    LocalDate day = date(story.attribution().published());
    return switch (kind) {
      case 1 -> Question.of(typo(text));
      case 2 -> Question.of("source:" + (source == null ? "CNN" : quoted(source)) + " " + text);
      case 3 -> Question.of("in:" + quoted(headlineWord(story, r)) + " " + text);
      case 4 -> Question.of((day == null ? "before:1999-01-01" : "after:" + day.minusDays(1 + r.nextInt(30))) + " "
          + text);
      case 5 -> new Question(text, previous, List.of(), 0, Question.DEFAULT_LIMIT);
      case 6 -> new Question(text, null, List.of(source == null ? "Nowhere Times" : source), 0, Question.DEFAULT_LIMIT);
      case 7 -> new Question(text, null, List.of(), Question.DEFAULT_LIMIT, Question.DEFAULT_LIMIT);
      case 8 -> Question.of("What did " + MADE_UP[r.nextInt(MADE_UP.length)] + " "
          + MADE_UP[r.nextInt(MADE_UP.length)] + " say about the "
          + MADE_UP[r.nextInt(MADE_UP.length)].toLowerCase(Locale.ROOT) + "?");
      default -> Question.of(text);
    };
  }

  // The longest word of six letters or more with two inner letters swapped: a typo spelling can mend.
  private static String typo(String text) {
    String longest = "";
    for (String w : words(text)) {
      if (w.length() > longest.length() && w.chars().allMatch(Character::isLetter)) longest = w;
    }
    if (longest.length() < 6) return text;
    char[] c = longest.toCharArray();
    char t = c[2];
    c[2] = c[3];
    c[3] = t;
    return text.replace(longest, new String(c));
  }

  private static String headlineWord(Story story, SplittableRandom r) {
    List<String> words = words(story.title());
    return words.isEmpty() ? "the" : words.get(r.nextInt(words.size()));
  }

  private static String quoted(String value) {
    return value.contains(" ") ? "\"" + value + "\"" : value;
  }

  private static LocalDate date(String published) {
    if (published == null || published.length() < 10) return null;
    try {
      return LocalDate.parse(published.substring(0, 10));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) words.add(m.group());
    return words;
  }
}
