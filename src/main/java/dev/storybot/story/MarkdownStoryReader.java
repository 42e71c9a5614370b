package dev.storybot.story;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown stories ({@code .md}): optional YAML front matter between {@code ---} lines, then paragraphs separated
 * by blank lines. Without a {@code title} field the first {@code # Heading} is the headline. Light markdown is
 * stripped so quotes read as prose; other headings are structure, not prose, and are left out (as the HTML reader
 * reads only {@code <p>}).
 */
final class MarkdownStoryReader implements StoryReader {

  private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\n(.*?\\n)?(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)",
      Pattern.DOTALL);
  private static final Pattern HEADING = Pattern.compile("#{1,6}[ \\t]+(.*?)[ \\t#]*");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");
  private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(\\S(?:.*?\\S)?)\\1(?![\\w*])");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern LINE_MARKER = Pattern.compile("(?m)^[ \\t]*(?:>[ \\t]?|[-*+][ \\t]+|\\d+[.)][ \\t]+)");
  private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  @Override
  public List<StoryDraft> read(String id, String text, List<String> problems) throws StoryFormatException {
    String body = text.replace("\r\n", "\n");
    Attribution meta = Attribution.NONE;
    if (body.startsWith("---")) {
      Matcher m = FRONT_MATTER.matcher(body);
      if (!m.find()) throw new StoryFormatException("front matter opened by '---' on line 1 is never closed by a '---' line");
      meta = frontMatter(m.group(1) == null ? "" : m.group(1));
      body = body.substring(m.end());
    }
    String heading = null;
    List<String> paragraphs = new ArrayList<>();
    for (String block : Paragraphs.blocks(HTML_COMMENT.matcher(body).replaceAll(""))) {
      String[] lines = block.split("\n", 2);
      Matcher h = HEADING.matcher(lines[0]);
      if (h.matches()) {
        if (heading == null && lines[0].startsWith("# ")) heading = inline(h.group(1));
        if (lines.length == 1) continue;
        block = lines[1]; // text straight under a heading, with no blank line between
      }
      paragraphs.add(inline(LINE_MARKER.matcher(block).replaceAll("")));
    }
    if (meta.title() == null) {
      if (heading == null) throw new StoryFormatException("no headline: add a \"title:\" to the front matter or a '# Headline' line");
      meta = meta.overriddenBy(new Attribution(heading, null, null, null, null));
    }
    return List.of(new StoryDraft(id, null, meta, paragraphs));
  }

  private static Attribution frontMatter(String yaml) throws StoryFormatException {
    try {
      return Yaml.meta(yaml, 1); // the front matter starts on the file's second line
    } catch (StoryFormatException e) {
      throw new StoryFormatException("front matter: " + e.getMessage());
    }
  }

  /** Inline markdown reduced to its text: images dropped, links to their text, emphasis and code marks removed. */
  static String inline(String text) {
    String s = IMAGE.matcher(text).replaceAll("");
    s = LINK.matcher(s).replaceAll("$1");
    s = STRONG.matcher(s).replaceAll("$2");
    s = EMPHASIS.matcher(s).replaceAll("$2");
    return CODE.matcher(s).replaceAll("$1");
  }
}
