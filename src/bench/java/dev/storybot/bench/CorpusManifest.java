package dev.storybot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generated corpus holds, written last into {@code .corpus} in its folder (hidden, so the story loader
 * skips it); its presence marks a complete corpus.
 *
 * @param seed the generator's seed
 * @param paragraphs paragraphs over all stories
 * @param stories stories written
 * @param files story files written
 * @param shards sub-folders ({@code shard-NNNN}), each about {@link CorpusGenerator#SHARD_PARAGRAPHS} paragraphs
 * @param textBytes UTF-8 bytes of paragraph text alone (what indexing throughput in MB/s counts)
 * @param fileBytes bytes of the story files on disk
 */
public record CorpusManifest(long seed, int paragraphs, int stories, int files, int shards, long textBytes,
                             long fileBytes) {

  /** The manifest's file name inside the corpus folder. */
  public static final String FILE = ".corpus";

  /** The manifest of the corpus in {@code dir}, or null when there is no complete corpus there. */
  public static CorpusManifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) return null;
    Map<String, String> v = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) v.put(line.substring(0, eq), line.substring(eq + 1));
    }
    try {
      return new CorpusManifest(Long.parseLong(v.get("seed")), Integer.parseInt(v.get("paragraphs")),
          Integer.parseInt(v.get("stories")), Integer.parseInt(v.get("files")), Integer.parseInt(v.get("shards")),
          Long.parseLong(v.get("textBytes")), Long.parseLong(v.get("fileBytes")));
    } catch (NumberFormatException e) {
      throw new IOException(file + " is damaged (" + e.getMessage() + "): delete the folder and generate it again", e);
    }
  }

  void write(Path dir) throws IOException {
    String text = "seed=" + seed + "\nparagraphs=" + paragraphs + "\nstories=" + stories + "\nfiles=" + files
        + "\nshards=" + shards + "\ntextBytes=" + textBytes + "\nfileBytes=" + fileBytes + "\n";
    Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
  }
}
