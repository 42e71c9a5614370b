package dev.storybot.story;

import java.util.ArrayList;
import java.util.List;

/** Plain-text stories: first non-empty line the headline, then paragraphs separated by blank lines. */
final class TextStories {
  private TextStories() {}

  static Story parse(String id, String text) {
    String[] blocks = text.replace("\r\n", "\n").strip().split("\n\\s*\n");
    if (blocks.length == 0 || blocks[0].isBlank()) throw new IllegalArgumentException("empty file");
    String[] first = blocks[0].split("\n", 2);
    String title = first[0].strip();
    List<String> paragraphs = new ArrayList<>();
    if (first.length > 1 && !first[1].isBlank()) paragraphs.add(first[1].strip().replaceAll("\\s+", " "));
    for (int i = 1; i < blocks.length; i++) {
      String p = blocks[i].strip().replaceAll("\\s+", " ");
      if (!p.isEmpty()) paragraphs.add(p);
    }
    if (paragraphs.isEmpty()) throw new IllegalArgumentException("no paragraphs after the headline");
    return new Story(id, title, null, null, null, null, paragraphs);
  }
}
