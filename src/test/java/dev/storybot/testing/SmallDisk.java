package dev.storybot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real, small filesystem for a test: a tmpfs of a few megabytes mounted on a folder, to fill up and see what a
 * full disk does. Mounting needs root (CI runs as root); elsewhere the test is skipped, saying so — in CI it fails.
 */
public final class SmallDisk implements AutoCloseable {

  private final Path dir;

  private SmallDisk(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code size} (e.g. "2m") on {@code dir}, created if need be. */
  public static SmallDisk mount(Path dir, String size) throws InterruptedException {
    try {
      Files.createDirectories(dir);
      Processes.run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", dir.toString()), 30);
    } catch (IOException e) {
      Prerequisite.missing("cannot mount a " + size + " tmpfs to fill (" + e.getMessage().strip() + ")",
          "run the tests as root, as CI does, to test a full disk");
    }
    return new SmallDisk(dir);
  }

  /** Where it is mounted. */
  public Path dir() {
    return dir;
  }

  /** Bytes still free. */
  public long free() {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fills the disk with a file until {@code leave} bytes are free (a little more: tmpfs counts whole pages), and
   * returns the file; deleting it frees the space again.
   */
  public Path fill(String name, long leave) {
    Path filler = dir.resolve(name);
    try {
      Files.write(filler, new byte[(int) Math.max(0, free() - leave)]);
      return filler;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Unmounts it, and its contents are gone. */
  @Override
  public void close() throws IOException, InterruptedException {
    Processes.run(List.of("umount", dir.toString()), 30);
  }
}
