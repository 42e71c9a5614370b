package dev.storybot.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a deterministic corpus of story files for benchmarks: the same seed and size give the same bytes.
 *
 * <p>Stories of 10–30 paragraphs go into {@code shard-NNNN} folders of about {@value #SHARD_PARAGRAPHS}
 * paragraphs each, mostly as {@code .jsonl} files of up to {@value #STORIES_PER_FILE} stories with full attribution,
 * one in ten as a {@code .txt} story (headline, then paragraphs). Files are streamed: only one story is in memory at a
 * time, so a million paragraphs need no more heap than ten.
 */
public final class CorpusGenerator {

  /** Paragraphs per shard folder: a shard is what a benchmark reads into memory at once. */
  public static final int SHARD_PARAGRAPHS = 5_000;
  /** The largest corpus this generator writes. */
  public static final int MAX_PARAGRAPHS = 10_000_000;
  static final int STORIES_PER_FILE = 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final long seed;
  private final StoryComposer composer;

  public CorpusGenerator(long seed) {
    this.seed = seed;
    this.composer = new StoryComposer(Templates.load());
  }

  /**
   * Writes {@code paragraphs} paragraphs of stories into {@code out} (created if missing) and returns what was written.
   *
   * @throws IllegalArgumentException when {@code paragraphs} is out of range or {@code out} is a non-empty folder
   */
  public CorpusManifest generate(Path out, int paragraphs) throws IOException {
    if (paragraphs < 1 || paragraphs > MAX_PARAGRAPHS) {
      throw new IllegalArgumentException("paragraphs must be in 1.." + MAX_PARAGRAPHS + ", was " + paragraphs);
    }
    prepare(out);
    SplittableRandom r = new SplittableRandom(seed);
    Counts n = new Counts();
    int shard = -1;
    int shardParagraphs = SHARD_PARAGRAPHS;
    BufferedWriter jsonl = null;
    int inFile = 0;
    try {
      for (int left = paragraphs; left > 0; ) {
        if (shardParagraphs >= SHARD_PARAGRAPHS) {
          closeIfOpen(jsonl);
          jsonl = null;
          shard++;
          shardParagraphs = 0;
          Files.createDirectory(shardDir(out, shard));
        }
        int size = Math.min(left, StoryComposer.MIN_PARAGRAPHS
            + r.nextInt(StoryComposer.MAX_PARAGRAPHS - StoryComposer.MIN_PARAGRAPHS + 1));
        String id = String.format(Locale.ROOT, "bench-%07d", n.stories);
        StoryComposer.Composed story = composer.compose(id, size, r);
        if (r.nextInt(10) == 0) {
          n.fileBytes += writeText(shardDir(out, shard).resolve(id + ".txt"), story);
          n.files++;
        } else {
          if (jsonl == null || inFile == STORIES_PER_FILE) {
            closeIfOpen(jsonl);
            jsonl = Files.newBufferedWriter(shardDir(out, shard).resolve(id + ".jsonl"), StandardCharsets.UTF_8);
            inFile = 0;
            n.files++;
          }
          String line = jsonLine(story);
          jsonl.write(line);
          jsonl.write('\n');
          n.fileBytes += utf8Length(line) + 1;
          inFile++;
        }
        for (String p : story.paragraphs()) n.textBytes += utf8Length(p);
        n.stories++;
        left -= size;
        shardParagraphs += size;
      }
    } finally {
      if (jsonl != null) jsonl.close();
    }
    CorpusManifest manifest = new CorpusManifest(seed, paragraphs, n.stories, n.files, shard + 1, n.textBytes,
        n.fileBytes);
    manifest.write(out);
    return manifest;
  }

  /** The shard folders of a corpus, in order. */
  public static Path shardDir(Path corpus, int shard) {
    return corpus.resolve(String.format(Locale.ROOT, "shard-%04d", shard));
  }

  private static void prepare(Path out) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + " is a file: give --out a folder (it is created if missing)");
    }
    Files.createDirectories(out);
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException(out + " is not empty: give --out a new or empty folder");
      }
    }
  }

  private static long writeText(Path file, StoryComposer.Composed story) throws IOException {
    StringBuilder b = new StringBuilder(story.title()).append('\n');
    for (String p : story.paragraphs()) b.append('\n').append(p).append('\n');
    String text = b.toString();
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return utf8Length(text);
  }

  private static String jsonLine(StoryComposer.Composed s) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", s.id());
    fields.put("title", s.title());
    fields.put("source", s.source());
    fields.put("byline", s.byline());
    fields.put("published", s.published());
    fields.put("url", s.url());
    fields.put("paragraphs", s.paragraphs());
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings and lists always serialise", e);
    }
  }

  // Bytes in UTF-8 without encoding the string: the generated text is mostly ASCII with a few curly quotes.
  static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (Character.isHighSurrogate(c)) { bytes += 4; i++; }
      else bytes += 3;
    }
    return bytes;
  }

  private static void closeIfOpen(BufferedWriter w) throws IOException {
    if (w != null) w.close();
  }

  private static final class Counts {
    int stories;
    int files;
    long textBytes;
    long fileBytes;
  }
}
