package dev.storybot.story;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns story files, one at a time, into stories or reasons for skipping them; the one path shared by a folder on
 * disk and the stories bundled in the jar. Keeps ids unique: a second story with an id already taken is skipped.
 */
final class StoryCollector {

  /** A file's bytes, read only when needed (after its extension and size pass). */
  interface Content {
    byte[] bytes() throws IOException;
  }

  static final String SIDECAR_SUFFIX = ".meta.yml";

  private static final Map<String, StoryReader> READERS = Map.of(
      "txt", new TextStoryReader(),
      "md", new MarkdownStoryReader(),
      "markdown", new MarkdownStoryReader(),
      "json", new JsonStoryReader(),
      "jsonl", new JsonLinesStoryReader(),
      "html", new HtmlStoryReader(),
      "htm", new HtmlStoryReader());

  private final long maxFileBytes;
  private final List<Story> stories = new ArrayList<>();
  private final List<StoryLoad.Skipped> skipped = new ArrayList<>();
  private final Map<String, String> fileOfId = new HashMap<>();

  StoryCollector(long maxFileBytes) {
    if (maxFileBytes < 1) throw new IllegalArgumentException("file size limit must be positive: " + maxFileBytes);
    this.maxFileBytes = maxFileBytes;
  }

  /** True for files that are never stories themselves: hidden files and metadata sidecars. */
  static boolean ignored(String fileName) {
    return fileName.startsWith(".") || fileName.endsWith(SIDECAR_SUFFIX);
  }

  /** The sidecar's name for a story file: {@code a/b.txt} → {@code a/b.meta.yml}. */
  static String sidecarName(String name) {
    int dot = name.lastIndexOf('.');
    return (dot > name.lastIndexOf('/') + 1 ? name.substring(0, dot) : name) + SIDECAR_SUFFIX;
  }

  /**
   * Reads one file.
   *
   * @param name path relative to the stories folder, with '/' separators; the id of the file's story
   * @param size the file's size in bytes
   * @param sidecar the sidecar's content, or null when there is none
   */
  void add(String name, long size, Content content, Content sidecar) {
    StoryReader reader = READERS.get(extension(name));
    if (reader == null) {
      skip(name, "unsupported format");
      return;
    }
    if (size > maxFileBytes) {
      skip(name, "larger than " + sizeText(maxFileBytes));
      return;
    }
    try {
      String text = decode(content.bytes());
      if (text.isBlank()) throw new StoryFormatException("empty file");
      Attribution override = sidecar == null ? Attribution.NONE : sidecarMeta(sidecarName(name), sidecar);
      List<String> problems = new ArrayList<>();
      List<StoryDraft> drafts = reader.read(name, text, problems);
      problems.forEach(p -> skip(name, p));
      for (StoryDraft draft : drafts) finish(name, draft, override);
    } catch (StoryFormatException e) {
      skip(name, e.getMessage());
    } catch (IOException e) {
      skip(name, "cannot read: " + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage()));
    }
  }

  /** Records a file that could not be looked at, such as an unreadable subfolder. */
  void skip(String name, String reason) {
    skipped.add(new StoryLoad.Skipped(name, reason));
  }

  StoryLoad result() {
    return new StoryLoad(stories, skipped, fileOfId);
  }

  private void finish(String name, StoryDraft draft, Attribution override) {
    String where = draft.location() == null ? "" : draft.location() + ": ";
    Attribution meta = draft.meta().overriddenBy(override);
    if (meta.title() == null) {
      skip(name, where + "no headline");
      return;
    }
    List<String> paragraphs = new ArrayList<>();
    for (String raw : draft.paragraphs()) {
      String p = Paragraphs.fold(raw);
      if (!p.isEmpty() && !ChromeFilter.isChrome(p)) paragraphs.add(p);
    }
    if (paragraphs.isEmpty()) {
      skip(name, where + (draft.paragraphs().isEmpty() ? "no paragraphs" : "no paragraphs left after removing site chrome"));
      return;
    }
    String firstFile = fileOfId.putIfAbsent(draft.id(), name);
    if (firstFile != null) {
      skip(name, where + "duplicate id \"" + draft.id() + "\" (already used by " + firstFile + ")");
      return;
    }
    stories.add(new Story(draft.id(), meta, paragraphs));
  }

  private static Attribution sidecarMeta(String sidecarName, Content sidecar) throws IOException, StoryFormatException {
    try {
      return Yaml.meta(decode(sidecar.bytes()), 0);
    } catch (StoryFormatException e) {
      throw new StoryFormatException(sidecarName + ": " + e.getMessage());
    }
  }

  /** Strict UTF-8: anything else, or binary content, is refused rather than read as mojibake. */
  private static String decode(byte[] bytes) throws StoryFormatException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new StoryFormatException("not UTF-8 text");
    }
    if (text.indexOf('\0') >= 0) throw new StoryFormatException("not UTF-8 text");
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String extension(String name) {
    String file = name.substring(name.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  /** "5 MiB", "512 KiB" or "100 bytes": the limit as a person would write it. */
  static String sizeText(long bytes) {
    if (bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MiB";
    if (bytes % 1024 == 0) return bytes / 1024 + " KiB";
    return bytes + " bytes";
  }
}
