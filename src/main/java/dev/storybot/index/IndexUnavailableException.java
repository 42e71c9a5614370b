package dev.storybot.index;

/** The index folder holds no index, an unreadable one, or one of another schema version; the message says what to do. */
public final class IndexUnavailableException extends RuntimeException {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
