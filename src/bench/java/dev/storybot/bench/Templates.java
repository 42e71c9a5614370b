package dev.storybot.bench;

import dev.storybot.search.Sentences;
import dev.storybot.search.TextRange;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generator's material: headlines and sentences written for it ({@code /bench/sentences.txt}), and the bundled
 * story's sentences with their names and numbers turned into slots, so every story gets its own cast.
 */
final class Templates {

  private static final String RESOURCE = "/bench/sentences.txt";

  /** A capitalised word, possibly hyphenated ("Al-Ansari"). */
  private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)*");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** Capitalised words of the bundled text that are titles or calendar words, not names: kept as written. */
  private static final Set<String> KEEP = Set.of("Secretary", "State", "Department", "President", "Prime",
      "Minister", "Ministry", "Foreign", "Affairs", "Authority", "White", "House", "Global", "Strip", "Liberation",
      "Organization", "United", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December");

  private static final String[] NAME_SLOTS = {"{S1}", "{S2}", "{S3}", "{PL1}", "{PL2}", "{PL3}"};

  final List<Template> headlines;
  final List<Template> sentences;

  private Templates(List<Template> headlines, List<Template> sentences) {
    this.headlines = List.copyOf(headlines);
    this.sentences = List.copyOf(sentences);
  }

  /** The written templates and the bundled story's sentences. */
  static Templates load() {
    List<Template> headlines = new ArrayList<>();
    List<Template> sentences = new ArrayList<>();
    List<Template> target = null;
    for (String line : resourceLines()) {
      if (line.isBlank() || line.startsWith("#")) continue;
      if (line.equals("[headlines]")) {
        target = headlines;
      } else if (line.equals("[sentences]")) {
        target = sentences;
      } else if (target == null) {
        throw new IllegalStateException(RESOURCE + ": text before a [section]: " + line);
      } else {
        target.add(Template.parse(line.strip()));
      }
    }
    for (String s : bundledSentences()) sentences.add(Template.parse(s));
    if (headlines.isEmpty() || sentences.isEmpty()) throw new IllegalStateException(RESOURCE + " has no templates");
    return new Templates(headlines, sentences);
  }

  /** The bundled story's sentences, names (capitalised words seen inside a sentence) and numbers as slots. */
  static List<String> bundledSentences() {
    List<String> raw = new ArrayList<>();
    for (Story story : StoryLoader.bundled()) {
      for (String p : story.paragraphs()) {
        for (TextRange r : Sentences.split(p)) raw.add(r.of(p).replace("{", "(").replace("}", ")"));
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (String s : raw) {
      Matcher m = NAME.matcher(s);
      while (m.find()) {
        if (!opensSentence(s, m.start()) && !KEEP.contains(m.group())) names.add(m.group());
      }
    }
    List<String> out = new ArrayList<>();
    for (String s : raw) {
      // Numbers first: the name slots ({S1} …) hold digits of their own.
      String withNumbers = NUMBER.matcher(s).replaceAll(m -> m.group().length() == 4 ? "{YEAR}" : "{N}");
      out.add(NAME.matcher(withNumbers).replaceAll(m -> Matcher.quoteReplacement(names.contains(m.group())
          ? NAME_SLOTS[Math.floorMod(m.group().hashCode(), NAME_SLOTS.length)] : m.group())));
    }
    return out;
  }

  // Capitalised by grammar rather than as a name: first in the sentence, or first inside a quotation.
  private static boolean opensSentence(String s, int at) {
    int i = at - 1;
    while (i >= 0 && s.charAt(i) == ' ') i--;
    return i < 0 || "“\"‘(:—–".indexOf(s.charAt(i)) >= 0;
  }

  private static List<String> resourceLines() {
    try (InputStream in = Templates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
