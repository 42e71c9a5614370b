package dev.storybot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Composes one generated story: a cast, a headline and paragraphs of shuffled, filled-in sentences. */
final class StoryComposer {

  /** Paragraphs in a story: uniform in this range (the last story of a corpus may be shorter). */
  static final int MIN_PARAGRAPHS = 10;
  static final int MAX_PARAGRAPHS = 30;
  /**
   * Words a paragraph has at least: above the story loader's chrome threshold (25 words), so no generated
   * paragraph is ever mistaken for site chrome and the corpus holds exactly the paragraphs asked for.
   */
  static final int MIN_WORDS = 30;
  private static final int MAX_SENTENCES = 8;

  /** A composed story, ready to be written in any format. */
  record Composed(String id, String title, String source, String byline, String published, String url,
                  List<String> paragraphs) {}

  private final Templates templates;

  StoryComposer(Templates templates) {
    this.templates = templates;
  }

  /** A story of {@code paragraphs} paragraphs, everything drawn from {@code r} in a fixed order. */
  Composed compose(String id, int paragraphs, SplittableRandom r) {
    Template.Cast cast = Template.Cast.draw(r);
    StringBuilder b = new StringBuilder(512);
    templates.headlines.get(r.nextInt(templates.headlines.size())).fill(b, cast, r);
    String title = b.toString();
    String byline = Vocabulary.firstName(r) + " " + Vocabulary.surname(r);
    String published = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", 2015 + r.nextInt(11), 1 + r.nextInt(12), 1 + r.nextInt(28));
    List<String> body = new ArrayList<>(paragraphs);
    for (int p = 0; p < paragraphs; p++) {
      b.setLength(0);
      int sentences = 1 + r.nextInt(4);
      int words = 0;
      for (int s = 0; s < MAX_SENTENCES && (s < sentences || words < MIN_WORDS); s++) {
        Template t = templates.sentences.get(r.nextInt(templates.sentences.size()));
        if (s > 0) b.append(' ');
        t.fill(b, cast, r);
        words += t.words();
      }
      body.add(b.toString());
    }
    return new Composed(id, title, Vocabulary.source(r), byline, published, "https://news.example/" + id, body);
  }
}
