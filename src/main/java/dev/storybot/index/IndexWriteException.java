package dev.storybot.index;

import java.io.IOException;

/**
 * Writing an index failed — most often the disk is full — and everything the write had put in the folder was
 * removed again, so the previous commit is intact and still served. The message names the folder, the space left
 * and what to do.
 */
public final class IndexWriteException extends IOException {

  private final boolean diskFull;

  IndexWriteException(String message, boolean diskFull, Throwable cause) {
    super(message, cause);
    this.diskFull = diskFull;
  }

  /** True when the disk had no space left (or the user's quota ran out). */
  public boolean diskFull() {
    return diskFull;
  }
}
