package dev.storybot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads Block Kit JSON in tests: the mrkdwn texts of sections and context blocks. */
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
