package dev.storybot.slack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * Reads a CHANNELS_CONFIG file and checks all of it: every unknown key (a typo such as {@code ephemral}, with the
 * setting it is nearest to), every value of the wrong kind and every name that is not a channel id is a problem,
 * named with where it is. Settings are used only from a file without problems.
 */
final class ChannelsYaml {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
  static final String CHANNELS = "channels";
  static final String SOURCES = "sources";
  static final String EPHEMERAL = "ephemeral";
  static final String UNTAGGED = "answer_untagged";
  static final String RATE_LIMIT = "rate_limit_per_minute";
  private static final List<String> SETTINGS = List.of(SOURCES, EPHEMERAL, UNTAGGED, RATE_LIMIT);
  /** Public, private and DM channel ids: C…, G…, D… (Slack's ids are upper-case letters and digits). */
  private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]+");

  /**
   * A file's settings, or why they cannot be used.
   *
   * @param channels settings by channel id; empty when there are problems
   * @param problems each problem, with its place in the file ({@code channels.C0123ABCD.ephemral})
   */
  record Read(Map<String, ChannelSettings> channels, List<String> problems) {}

  private ChannelsYaml() {}

  /**
   * Reads {@code file}.
   *
   * @throws IOException when it cannot be read at all (missing, a folder, no permission)
   */
  static Read read(Path file) throws IOException {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      return new Read(Map.of(), List.of("not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
    }
    List<String> problems = new ArrayList<>();
    Map<String, ChannelSettings> channels = new LinkedHashMap<>();
    if (root == null || root.isNull() || root.isMissingNode()) return new Read(Map.of(), List.of());
    if (!root.isObject()) return new Read(Map.of(), List.of("must start with \"" + CHANNELS + ":\", a map of channel ids"));
    root.fieldNames().forEachRemaining(key -> {
      if (!key.equals(CHANNELS)) problems.add(unknown(key, key, List.of(CHANNELS)));
    });
    JsonNode all = root.path(CHANNELS);
    if (!all.isMissingNode() && !all.isNull() && !all.isObject()) {
      problems.add(CHANNELS + " must be a map of channel ids to their settings");
    } else {
      all.fields().forEachRemaining(e -> channel(e.getKey(), e.getValue(), problems).ifPresent(
          settings -> channels.put(e.getKey(), settings)));
    }
    return problems.isEmpty() ? new Read(Map.copyOf(channels), List.of()) : new Read(Map.of(), problems);
  }

  private static Optional<ChannelSettings> channel(String id, JsonNode node, List<String> problems) {
    String at = CHANNELS + "." + id;
    int before = problems.size();
    if (!CHANNEL_ID.matcher(id).matches()) {
      problems.add(at + ": \"" + id + "\" is not a channel id; use the id such as C0123ABCD (channel → About, at the"
          + " bottom of the panel), not its name");
    }
    if (node.isNull()) return Optional.of(ChannelSettings.DEFAULT);
    if (!node.isObject()) {
      problems.add(at + " must be a map of settings (" + String.join(", ", SETTINGS) + ")");
      return Optional.empty();
    }
    node.fieldNames().forEachRemaining(key -> {
      if (!SETTINGS.contains(key)) problems.add(unknown(at + "." + key, key, SETTINGS));
    });
    List<String> sources = sources(at, node.path(SOURCES), problems);
    boolean ephemeral = bool(at, EPHEMERAL, node.path(EPHEMERAL), problems);
    boolean untagged = bool(at, UNTAGGED, node.path(UNTAGGED), problems);
    Integer limit = rateLimit(at, node.path(RATE_LIMIT), problems);
    if (problems.size() > before) return Optional.empty();
    return Optional.of(new ChannelSettings(sources, ephemeral, untagged, limit));
  }

  private static List<String> sources(String at, JsonNode node, List<String> problems) {
    if (node.isMissingNode() || node.isNull()) return List.of();
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(s -> {
        if (s.isTextual() && !s.asText().isBlank()) out.add(s.asText().strip());
        else problems.add(at + "." + SOURCES + ": each source is a publication's name, got " + s);
      });
      return out;
    }
    problems.add(at + "." + SOURCES + " must be a list such as [CNN, Reuters], got " + node);
    return out;
  }

  private static boolean bool(String at, String key, JsonNode node, List<String> problems) {
    if (node.isMissingNode() || node.isNull()) return false;
    if (node.isBoolean()) return node.booleanValue();
    problems.add(at + "." + key + " must be true or false, got " + node);
    return false;
  }

  private static Integer rateLimit(String at, JsonNode node, List<String> problems) {
    if (node.isMissingNode() || node.isNull()) return null;
    if (node.canConvertToInt() && node.isIntegralNumber() && node.intValue() >= 1) return node.intValue();
    problems.add(at + "." + RATE_LIMIT + " must be a whole number of at least 1, got " + node);
    return null;
  }

  // "channels.C1.ephemral is not a setting: did you mean ephemeral? (settings: …)"
  private static String unknown(String at, String key, List<String> known) {
    CharacterRunAutomaton near = new CharacterRunAutomaton(new LevenshteinAutomata(key, true).toAutomaton(2));
    String guess = known.stream().filter(near::run).findFirst().orElse(null);
    return at + " is not a setting" + (guess == null ? "" : ": did you mean " + guess + "?") + " (settings: "
        + String.join(", ", known) + ")";
  }
}
