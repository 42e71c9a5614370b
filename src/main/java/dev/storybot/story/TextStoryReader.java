package dev.storybot.story;

import java.util.ArrayList;
import java.util.List;

/** Plain-text stories ({@code .txt}): the first non-empty line is the headline, then paragraphs separated by blank lines. */
final class TextStoryReader implements StoryReader {

  @Override
  public List<StoryDraft> read(String id, String text, List<String> problems) {
    List<String> blocks = Paragraphs.blocks(text);
    // blocks is non-empty: the loader skips blank files before any reader sees them.
    String[] first = blocks.get(0).split("\n", 2);
    List<String> paragraphs = new ArrayList<>();
    if (first.length > 1) paragraphs.add(first[1]);
    paragraphs.addAll(blocks.subList(1, blocks.size()));
    Attribution meta = new Attribution(first[0], null, null, null, null);
    return List.of(new StoryDraft(id, null, meta, paragraphs));
  }
}
