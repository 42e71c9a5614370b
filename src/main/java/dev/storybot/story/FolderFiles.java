package dev.storybot.story;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The one walk of a stories folder that {@link StoryLoader} reads and {@link FolderStamp} stamps, so the two never
 * disagree on which files a folder holds: subfolders and symlinks followed, hidden folders and files left out, every
 * file named by its path relative to the folder with "/" between parts.
 */
final class FolderFiles {

  private FolderFiles() {}

  /**
   * The regular files under {@code dir} whose names {@code keep} accepts, by relative name in name order;
   * {@code failed} hears of each file or subfolder that could not be read (not hidden ones).
   *
   * @throws IOException when {@code dir} itself cannot be read
   */
  static TreeMap<String, Path> under(Path dir, Predicate<String> keep, BiConsumer<String, IOException> failed)
      throws IOException {
    TreeMap<String, Path> found = new TreeMap<>();
    Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        boolean hidden = !d.equals(dir) && d.getFileName().toString().startsWith(".");
        return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && keep.test(f.getFileName().toString())) found.put(name(dir, f), f);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
        if (f.equals(dir)) throw e;
        // An unreadable file or subfolder, or a symlink loop: said, and the rest read.
        if (!f.getFileName().toString().startsWith(".")) failed.accept(name(dir, f), e);
        return FileVisitResult.CONTINUE;
      }
    });
    return found;
  }

  private static String name(Path dir, Path file) {
    return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
