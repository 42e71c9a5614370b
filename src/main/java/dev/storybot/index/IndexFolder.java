package dev.storybot.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Where storybot may write an index: a folder of its own — missing, empty, or holding a storybot index and nothing
 * else — and apart from the stories. A build replaces whatever Lucene files the folder holds, so a folder shared
 * with anything else (the stories themselves, another program's index, someone's files) is refused up front.
 */
public final class IndexFolder {

  /** Lucene's files: commits, the write lock, and each segment's files (_0.cfs, _0_Lucene99_0.doc…). */
  private static final Pattern LUCENE_FILE =
      Pattern.compile("(pending_)?segments_[0-9a-z]+|write\\.lock|_[0-9a-z]+(_[0-9A-Za-z-]+)*\\.[0-9A-Za-z]+");
  /** What a filesystem's own root holds (a volume mounted as the index folder): never ours, never in the way. */
  private static final String LOST_AND_FOUND = "lost+found";
  private static final int NAMED = 5;
  /** The folder inside an index where the stories' sentence vectors are kept (dev.storybot.embed's store). */
  public static final String VECTORS = "vectors";

  private IndexFolder() {}

  /**
   * Why {@code index} is no place to write an index built from {@code stories}, or null when it is.
   *
   * @throws IOException when the folder cannot be listed
   */
  public static String problem(Path index, Path stories) throws IOException {
    Path i = real(index);
    Path s = real(stories);
    if (i.equals(s)) {
      return "the index folder " + index + " is the stories folder: give the index a folder of its own, beside the"
          + " stories (e.g. " + sibling(stories) + ")";
    }
    if (i.startsWith(s)) {
      return "the index folder " + index + " is inside the stories folder " + stories + ": index files would be read"
          + " as stories; give the index a folder beside it (e.g. " + sibling(stories) + ")";
    }
    if (s.startsWith(i)) {
      return "the stories folder " + stories + " is inside the index folder " + index + ": a build replaces what the"
          + " index folder holds; give the index a folder of its own (e.g. " + sibling(stories) + ")";
    }
    if (!Files.exists(index)) return null;
    if (!Files.isDirectory(index)) return index + " is a file: give the index a folder (it is created if missing)";
    List<String> foreign = new ArrayList<>();
    boolean lucene = false;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(index)) {
      for (Path e : entries) {
        String name = e.getFileName().toString();
        if ((name.equals(LOST_AND_FOUND) || name.equals(VECTORS)) && Files.isDirectory(e)) continue;
        if (LUCENE_FILE.matcher(name).matches() && Files.isRegularFile(e)) lucene = true;
        else foreign.add(Files.isDirectory(e) ? name + "/" : name);
      }
    }
    if (!foreign.isEmpty()) {
      foreign.sort(null);
      String named = String.join(", ", foreign.subList(0, Math.min(NAMED, foreign.size())))
          + (foreign.size() > NAMED ? " and " + (foreign.size() - NAMED) + " more" : "");
      return "the index folder " + index + " holds files that are not a storybot index (" + named + "): a build"
          + " replaces what the folder holds, so give the index an empty or new folder";
    }
    if (lucene && !ours(index)) {
      return "the index folder " + index + " holds a Lucene index that storybot did not write: give storybot's index"
          + " a folder of its own";
    }
    return null;
  }

  // A commit storybot wrote says its schema version; a folder of Lucene files without a readable commit is taken
  // for a build of ours that was cut short (they leave exactly that), to be replaced.
  private static boolean ours(Path index) {
    try (Directory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) return true;
      Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
      return data.containsKey(IndexSchema.DATA_VERSION);
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  // The path with every link resolved, also for a folder that does not exist yet (its nearest existing parent's).
  private static Path real(Path p) throws IOException {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return abs;
    return existing.toRealPath().resolve(existing.relativize(abs));
  }

  private static Path sibling(Path stories) {
    Path abs = stories.toAbsolutePath().normalize();
    return abs.getParent() == null ? Path.of("index") : abs.resolveSibling(abs.getFileName() + "-index");
  }
}
