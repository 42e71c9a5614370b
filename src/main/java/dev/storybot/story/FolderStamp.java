package dev.storybot.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What a folder of story files holds, by content: how many files, how many bytes, and one SHA-256 over every file's
 * name, size and content in name order — the files {@link StoryLoader} looks at (sidecars too, hidden ones not).
 * Two stamps are equal exactly when the folder holds the same files with the same bytes, whatever their times say.
 *
 * @param files visible files under the folder
 * @param bytes their total size
 * @param sha256 hex SHA-256 over each file's relative name, size and content hash
 */
public record FolderStamp(int files, long bytes, String sha256) {

  /**
   * Reads every visible file under {@code dir}. Costs one read of the folder (about a second per few hundred MB).
   *
   * @throws IOException when the folder itself cannot be read
   */
  public static FolderStamp of(Path dir) throws IOException {
    TreeMap<String, Path> unreadable = new TreeMap<>();
    TreeMap<String, Path> found = FolderFiles.under(dir, name -> !name.startsWith("."),
        (name, e) -> unreadable.put(name, null));
    found.putAll(unreadable);
    MessageDigest folder = digest();
    long bytes = 0;
    for (var entry : found.entrySet()) {
      // An unreadable file is skipped by the loader too; once it can be read, the stamp changes.
      String line = entry.getKey() + "\tunreadable";
      if (entry.getValue() != null) {
        MessageDigest file = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(entry.getValue()), file)) {
          long size = in.transferTo(OutputStream.nullOutputStream());
          bytes += size;
          line = entry.getKey() + "\t" + size + "\t" + HexFormat.of().formatHex(file.digest());
        } catch (IOException e) {
          // as unreadable
        }
      }
      folder.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return new FolderStamp(found.size(), bytes, HexFormat.of().formatHex(folder.digest()));
  }

  /** "240 files, 3.1 MB", for logs. */
  public String describe() {
    String size = bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
        : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    return (files == 1 ? "1 file, " : files + " files, ") + size;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
