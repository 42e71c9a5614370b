package dev.storybot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.slack.SlackText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads Block Kit JSON in tests: the mrkdwn texts of sections and context blocks, quotes and buttons. */
public final class Blocks {
  private Blocks() {}

  /** Texts of every section block, in order. */
  public static List<String> sections(JsonNode blocks) {
    return texts(blocks, "section");
  }

  /** Texts of every context block's elements, in order. */
  public static List<String> contexts(JsonNode blocks) {
    return texts(blocks, "context");
  }

  /** The quoted excerpts (sections starting "> "), as plain text. */
  public static List<String> quotes(JsonNode blocks) {
    return sections(blocks).stream().filter(s -> s.startsWith("> ")).map(s -> plain(s.substring(2))).toList();
  }

  /** {@code text} with Slack's bold markers removed and its entities decoded, for comparing with story text. */
  public static String plain(String mrkdwn) {
    return SlackText.unescape(mrkdwn.replace("*", ""));
  }

  /** action_ids and values of the buttons in actions blocks. */
  public static List<JsonNode> buttons(JsonNode blocks) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode b : blocks) {
      if (b.path("type").asText().equals("actions")) b.path("elements").forEach(out::add);
    }
    return out;
  }

  /** The button {@code actionId}, failing with the ids there are when it is missing. */
  public static JsonNode button(JsonNode blocks, String actionId) {
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode b : buttons(blocks)) {
      if (b.path("action_id").asText().equals(actionId)) return b;
      seen.add(b.path("action_id").asText());
    }
    throw new AssertionError("no " + actionId + " button among " + seen + " in " + blocks);
  }

  private static List<String> texts(JsonNode blocks, String type) {
    List<String> out = new ArrayList<>();
    for (JsonNode b : blocks) {
      if (!b.path("type").asText().equals(type)) continue;
      if (type.equals("section")) out.add(b.path("text").path("text").asText());
      else b.path("elements").forEach(e -> out.add(e.path("text").asText()));
    }
    return out;
  }
}
