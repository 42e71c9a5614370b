package dev.storybot.search;

import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The stories the quote tests read: the fixtures in src/test/resources/quotes/stories and the bundled story. */
final class QuoteStories {

  private static List<Story> all;

  private QuoteStories() {}

  /** Every fixture story and every bundled one, read by the project's own loader. */
  static synchronized List<Story> all() {
    if (all == null) {
      List<Story> stories = new ArrayList<>(StoryLoader.bundled());
      try {
        Path dir = Path.of(QuoteStories.class.getResource("/quotes/stories").toURI());
        stories.addAll(StoryLoader.load(dir).stories());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
      all = List.copyOf(stories);
    }
    return all;
  }

  /** The story with id {@code id}. */
  static Story story(String id) {
    return all().stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fixture story " + id));
  }

  /** Paragraph {@code n} (1-based, as ¶N) of story {@code id}. */
  static String paragraph(String id, int n) {
    return story(id).paragraphs().get(n - 1);
  }

  /** Where {@code quote} is in {@code paragraph}; it must be there exactly once. */
  static TextRange find(String paragraph, String quote) {
    int at = paragraph.indexOf(quote);
    if (at < 0) throw new IllegalArgumentException("not in the paragraph: " + quote);
    if (paragraph.indexOf(quote, at + 1) >= 0) throw new IllegalArgumentException("twice in the paragraph: " + quote);
    return new TextRange(at, at + quote.length());
  }
}
