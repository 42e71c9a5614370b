package dev.storybot.index;

/**
 * The index (a folder, or a Solr alias) is missing, unreadable or of another schema version, or its engine does not
 * answer; the message says what to do.
 */
public final class IndexUnavailableException extends RuntimeException {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
