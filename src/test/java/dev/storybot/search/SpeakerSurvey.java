package dev.storybot.search;

import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prints, for every sentence of the given story folders (or the bundled stories) that holds a quotation mark or a
 * speech verb, the speakers {@link Speakers} finds, for judging by hand:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.storybot.search.SpeakerSurvey [folder…]}.
 * With {@code --stand-alone} first, prints instead every sentence that {@link StandAlone} changes, and how; with
 * {@code --people} first, every sentence whose speaker or stand-alone quote differs when the whole story is read
 * ({@link People#of}) rather than its paragraph alone, and what each costs.
 */
public final class SpeakerSurvey {

  private static final Pattern CUE = Pattern.compile("[“”\"‘]|(?i)\\b(according to|"
      + String.join("|", Lexicon.SPEECH_VERBS) + "|" + String.join("|", Lexicon.SPEECH_PARTICIPLES) + ")\\b");

  private SpeakerSurvey() {}

  public static void main(String[] args) throws Exception {
    boolean standAlone = args.length > 0 && args[0].equals("--stand-alone");
    boolean people = args.length > 0 && args[0].equals("--people");
    List<String> dirs = List.of(args).subList(standAlone || people ? 1 : 0, args.length);
    List<Story> stories = new ArrayList<>();
    if (dirs.isEmpty()) stories.addAll(StoryLoader.bundled());
    for (String dir : dirs) stories.addAll(StoryLoader.load(Path.of(dir)).stories());
    if (standAlone) {
      standAlone(stories);
      return;
    }
    if (people) {
      people(stories);
      return;
    }
    int cued = 0;
    int found = 0;
    for (Story story : stories) {
      Speakers speakers = new Speakers(People.of(story.paragraphs()));
      for (int n = 0; n < story.paragraphs().size(); n++) {
        String p = story.paragraphs().get(n);
        List<TextRange> sentences = Sentences.split(p);
        for (int i = 0; i < sentences.size(); i++) {
          TextRange s = sentences.get(i);
          int mid = (s.start() + s.end()) / 2;
          boolean quoted = Quotations.outer(p).stream().anyMatch(q -> q.covers(mid, p.length()));
          if (!quoted && !CUE.matcher(s.of(p)).find()) continue;
          cued++;
          List<Speaker> who = speakers.speakers(p, s);
          if (!who.isEmpty()) found++;
          StringBuilder line = new StringBuilder();
          line.append(story.id()).append(" ¶").append(n + 1).append('.').append(i + 1).append(" | ");
          line.append(who.isEmpty() ? "-" : String.join(" ; ", who.stream()
              .map(w -> w.display() + (w.clauseInQuote() ? "" : " (outside)")).toList()));
          line.append(" | ").append(s.of(p));
          System.out.println(line);
        }
      }
    }
    System.out.println(cued + " cued sentences, " + found + " with a speaker");
  }

  private static void standAlone(List<Story> stories) {
    int sentences = 0;
    int changed = 0;
    for (Story story : stories) {
      StandAlone standAlone = new StandAlone(People.of(story.paragraphs()));
      for (int n = 0; n < story.paragraphs().size(); n++) {
        String p = story.paragraphs().get(n);
        List<TextRange> split = Sentences.split(p);
        for (int i = 0; i < split.size(); i++) {
          sentences++;
          Quote q = standAlone.quote(p, split.get(i));
          if (q.text().equals(split.get(i).of(p))) continue;
          changed++;
          System.out.println(story.id() + " ¶" + (n + 1) + "." + (i + 1) + " | " + split.get(i).of(p) + "\n    → "
              + q.text());
        }
      }
    }
    System.out.println(sentences + " sentences, " + changed + " changed");
  }

  // Paragraph alone against the whole story: what reading every paragraph of the story changes, and its cost.
  private static void people(List<Story> stories) {
    int sentences = 0;
    int speakerDiffs = 0;
    int quoteDiffs = 0;
    long peopleNanos = 0;
    long paragraphs = 0;
    for (Story story : stories) {
      long start = System.nanoTime();
      People known = People.of(story.paragraphs());
      peopleNanos += System.nanoTime() - start;
      paragraphs += story.paragraphs().size();
      Speakers alone = new Speakers();
      Speakers whole = new Speakers(known);
      StandAlone aloneQuote = new StandAlone();
      StandAlone wholeQuote = new StandAlone(known);
      for (int n = 0; n < story.paragraphs().size(); n++) {
        String p = story.paragraphs().get(n);
        List<TextRange> split = Sentences.split(p);
        for (int i = 0; i < split.size(); i++) {
          sentences++;
          TextRange s = split.get(i);
          String a = names(alone.speakers(p, s));
          String w = names(whole.speakers(p, s));
          String qa = aloneQuote.quote(p, s).text();
          String qw = wholeQuote.quote(p, s).text();
          String where = story.id() + " ¶" + (n + 1) + "." + (i + 1) + " | ";
          if (!a.equals(w)) {
            speakerDiffs++;
            System.out.println(where + "speaker: " + a + " → " + w + " | " + s.of(p));
          }
          if (!qa.equals(qw)) {
            quoteDiffs++;
            System.out.println(where + "quote: " + qa + "\n    → " + qw);
          }
        }
      }
    }
    System.out.printf("%d stories, %d paragraphs, %d sentences: speaker differs in %d, stand-alone quote in %d;"
        + " People.of %.1f µs a paragraph%n", stories.size(), paragraphs, sentences, speakerDiffs, quoteDiffs,
        peopleNanos / 1e3 / Math.max(1, paragraphs));
  }

  private static String names(List<Speaker> speakers) {
    return speakers.isEmpty() ? "-" : String.join(" ; ", speakers.stream().map(Speaker::display).toList());
  }
}
