package dev.storybot.story;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Text helpers shared by the readers: blank-line splitting and whitespace folding. */
final class Paragraphs {

  private static final Pattern BLANK_LINE = Pattern.compile("\\n(?:[ \\t\\u00A0]*\\n)+");

  private Paragraphs() {}

  /** Runs of white space folded to one space, ends stripped; everything else kept verbatim. */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // isSpaceChar adds the no-break and other wide spaces that isWhitespace leaves out.
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) out.append(' ');
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Blocks of text separated by blank lines, line breaks kept, blank blocks dropped. */
  static List<String> blocks(String text) {
    List<String> blocks = new ArrayList<>();
    for (String block : BLANK_LINE.split(text.replace("\r\n", "\n").replace('\r', '\n'))) {
      if (!block.isBlank()) blocks.add(block.strip());
    }
    return blocks;
  }
}
