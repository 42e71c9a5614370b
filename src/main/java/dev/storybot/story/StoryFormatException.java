package dev.storybot.story;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.StringJoiner;

/** A story file (or one line of it) that cannot be read; the message is the reason shown to the person who owns it. */
final class StoryFormatException extends Exception {

  StoryFormatException(String reason) {
    super(reason, null, false, false);
  }

  /** "malformed JSON at line 3: the parser's first line of explanation", the line shifted by {@code lineOffset}. */
  static StoryFormatException parse(String what, JsonProcessingException e, int lineOffset) {
    JsonLocation at = e.getLocation();
    String detail = explanation(e.getOriginalMessage());
    if (at == null || at.getLineNr() < 1) return new StoryFormatException(what + ": " + detail);
    return new StoryFormatException(what + " at line " + (at.getLineNr() + lineOffset) + ": " + detail);
  }

  /** "malformed JSON at column 12: …", for text parsed one line at a time (the caller names the line). */
  static StoryFormatException parseInLine(String what, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String detail = explanation(e.getOriginalMessage());
    if (at == null || at.getColumnNr() < 1) return new StoryFormatException(what + ": " + detail);
    return new StoryFormatException(what + " at column " + at.getColumnNr() + ": " + detail);
  }

  /** The parser's explanation without its source excerpts: SnakeYAML indents those and its "in 'reader'" lines. */
  private static String explanation(String message) {
    if (message == null || message.isBlank()) return "unreadable";
    StringJoiner explanation = new StringJoiner("; ");
    for (String line : message.split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) explanation.add(line.strip());
    }
    return explanation.length() == 0 ? message.strip() : explanation.toString();
  }
}
