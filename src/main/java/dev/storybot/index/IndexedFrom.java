package dev.storybot.index;

import dev.storybot.story.FolderStamp;
import java.util.Map;
import java.util.Optional;

/**
 * Which stories an index was built from, kept in its Lucene commit's user data beside the schema's own keys: the
 * {@link FolderStamp} of the folder read (file count, bytes, content hash). `serve` compares it with the folder at
 * start and rebuilds when they differ, whatever the files' modification times say.
 */
public final class IndexedFrom {

  /** Commit user data: files, bytes and SHA-256 of the stories folder the commit was built from. */
  static final String DATA_FILES = "sourceFiles";
  static final String DATA_BYTES = "sourceBytes";
  static final String DATA_SHA256 = "sourceSha256";

  private IndexedFrom() {}

  /** The user-data entries for {@code stamp}; none for null (stories not read from a folder). */
  static Map<String, String> userData(FolderStamp stamp) {
    if (stamp == null) return Map.of();
    return Map.of(DATA_FILES, Integer.toString(stamp.files()), DATA_BYTES, Long.toString(stamp.bytes()),
        DATA_SHA256, stamp.sha256());
  }

  /** The stamp a commit's user data records, or empty when it records none (an index built before they were kept). */
  static Optional<FolderStamp> read(Map<String, String> userData) {
    String sha = userData.get(DATA_SHA256);
    if (sha == null) return Optional.empty();
    try {
      return Optional.of(new FolderStamp(Integer.parseInt(userData.get(DATA_FILES)),
          Long.parseLong(userData.get(DATA_BYTES)), sha));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
