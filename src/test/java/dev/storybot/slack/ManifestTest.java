package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.storybot.server.StorybotServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** manifest.yml declares exactly what the code registers, at URLs the server serves. */
class ManifestTest {

  private final JsonNode manifest;

  ManifestTest() throws Exception {
    manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());
  }

  @Test
  void everyRequestUrlIsTheEventsEndpointOnHttps() {
    List<String> urls = new ArrayList<>();
    collectUrls(manifest, urls);
    assertEquals(3, urls.size(), "slash command, events and interactivity: " + urls);
    for (String url : urls) {
      assertTrue(url.startsWith("https://") && url.endsWith(StorybotServer.EVENTS_PATH), url);
    }
  }

  @Test
  void eventsScopesAndCommandMatchTheListeners() {
    assertEquals(SlackIds.EVENTS, strings(manifest.at("/settings/event_subscriptions/bot_events")));
    assertEquals(Set.copyOf(SlackIds.SCOPES), new HashSet<>(strings(manifest.at("/oauth_config/scopes/bot"))));
    assertEquals(SlackIds.COMMAND, manifest.at("/features/slash_commands/0/command").asText());
    assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean(), "the Share button needs interactivity");
    assertTrue(manifest.at("/features/app_home/messages_tab_enabled").asBoolean(), "users can DM the bot");
    assertTrue(manifest.at("/features/app_home/home_tab_enabled").asBoolean(), "app_home_opened publishes a Home tab");
    assertFalse(manifest.at("/features/bot_user/display_name").asText().isBlank());
    assertEquals("message", manifest.at("/features/shortcuts/0/type").asText());
    assertEquals(SlackIds.FIND_SHORTCUT, manifest.at("/features/shortcuts/0/callback_id").asText());
    assertEquals(1, manifest.at("/features/shortcuts").size(), "one shortcut: the one registered");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static void collectUrls(JsonNode node, List<String> out) {
    node.fields().forEachRemaining(e -> {
      if (e.getKey().equals("url") || e.getKey().equals("request_url")) out.add(e.getValue().asText());
      else collectUrls(e.getValue(), out);
    });
    if (node.isArray()) node.forEach(n -> collectUrls(n, out));
  }
}
