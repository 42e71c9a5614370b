package dev.storybot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;

/**
 * The `ask --json` line format, a contract read by evaluation tools: keep fields and their order stable.
 * {@code {"question", "answered": true, "excerpts": [...]}} or {@code {"question", "answered": false, "nearest": [...]}};
 * {@code "note"} (what shaped the search) and {@code "problem"} (why nothing was searched) only when there is one.
 * An excerpt's {@code "quote"} is the story's words verbatim; {@code "speaker"} (who said them, several joined by
 * "; ") and {@code "shown"} (the quote as a reader sees it, when the bot added brackets, an ellipsis or a quotation
 * mark) come after {@code "score"}, only when there is one.
 */
final class AnswerJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AnswerJson() {}

  /** One line of JSON (no line breaks inside) for {@code answer}. */
  static String line(Answer answer) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("question", answer.question());
    root.put("answered", answer.answered());
    if (answer.answered()) {
      ArrayNode excerpts = root.putArray("excerpts");
      for (Excerpt e : answer.excerpts()) {
        ObjectNode x = excerpts.addObject();
        x.put("storyId", e.storyId());
        x.put("title", e.attribution().title());
        x.put("source", e.attribution().source());
        x.put("byline", e.attribution().byline());
        x.put("published", e.attribution().published());
        x.put("url", e.attribution().url());
        x.put("paragraph", e.paragraph());
        x.put("quote", e.quote());
        x.put("score", e.score());
        if (!e.speakers().isEmpty()) {
          x.put("speaker", String.join("; ", e.speakers().stream().map(Excerpt.Voice::name).toList()));
        }
        if (!e.shown().isVerbatim()) x.put("shown", e.text());
      }
    } else {
      ArrayNode nearest = root.putArray("nearest");
      answer.nearest().forEach(nearest::add);
    }
    if (answer.note() != null) root.put("note", answer.note());
    if (answer.problem() != null) root.put("problem", answer.problem());
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
