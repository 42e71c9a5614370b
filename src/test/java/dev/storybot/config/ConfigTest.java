package dev.storybot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config from environment variables: defaults, the choice of shelf, and errors that name the variable. */
class ConfigTest {

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of(Config.SLACK_SIGNING_SECRET, "s3cret-signing",
        Config.SLACK_BOT_TOKEN, "xoxb-s3cret-token"));
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) env.remove(pairs[i]);
      else env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void defaultsServeTheBundledStoriesOnPort3000AgainstSlack() {
    Config c = Config.fromEnv(env());
    assertEquals(3000, c.port());
    assertEquals("https://slack.com/api/", c.slackApiUrl());
    assertEquals(Config.Shelf.BUNDLED, c.shelf());
    assertNull(c.storiesDir());
  }

  @Test
  void everyVariableIsRead() {
    Config c = Config.fromEnv(env(Config.PORT, "8080", Config.STORIES_DIR, "/data/stories",
        Config.SLACK_API_URL, "http://127.0.0.1:9999/api"));
    assertEquals(8080, c.port());
    assertEquals(Path.of("/data/stories"), c.storiesDir());
    assertEquals(Config.Shelf.STORIES_DIR, c.shelf());
    assertEquals("http://127.0.0.1:9999/api/", c.slackApiUrl(), "the SDK appends method names to this prefix");
  }

  @Test
  void aBuiltIndexWinsOverAStoriesFolder() {
    assertEquals(Config.Shelf.INDEX_DIR, Config.fromEnv(env(Config.INDEX_DIR, "idx", Config.STORIES_DIR, "s")).shelf());
  }

  @Test
  void everyMissingSettingIsNamedAtOnce() {
    Config none = Config.fromEnv(Map.of());
    ConfigException http = assertThrows(ConfigException.class, () -> none.requireForServe(false));
    assertTrue(http.getMessage().contains(Config.SLACK_BOT_TOKEN + " is not set")
        && http.getMessage().contains(Config.SLACK_SIGNING_SECRET + " is not set"), http.getMessage());
    ConfigException socket = assertThrows(ConfigException.class, () -> none.requireForServe(true));
    assertTrue(socket.getMessage().contains(Config.SLACK_APP_TOKEN + " is not set"), socket.getMessage());
    assertFalse(socket.getMessage().contains(Config.SLACK_SIGNING_SECRET), "Socket Mode needs no signing secret");
    ConfigException malformed = assertThrows(ConfigException.class,
        () -> Config.fromEnv(Map.of(Config.PORT, "http", Config.SLACK_API_URL, "ftp://x", Config.SLACK_APP_TOKEN, "xoxb-1")));
    for (String name : List.of(Config.PORT, Config.SLACK_API_URL, Config.SLACK_APP_TOKEN)) {
      assertTrue(malformed.getMessage().contains(name), malformed.getMessage());
    }
  }

  @Test
  void missingOrBlankSecretsNameTheVariableAndWhereToFindIt() {
    for (String name : new String[] {Config.SLACK_SIGNING_SECRET, Config.SLACK_BOT_TOKEN}) {
      for (String value : new String[] {null, "  "}) {
        Config c = Config.fromEnv(env(name, value));
        ConfigException e = assertThrows(ConfigException.class, () -> c.requireForServe(false));
        assertTrue(e.getMessage().startsWith(name + " is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("export " + name), e.getMessage());
      }
    }
  }

  @Test
  void badPortAndApiUrlAreRejectedWithTheValue() {
    ConfigException port = assertThrows(ConfigException.class, () -> Config.fromEnv(env(Config.PORT, "http")));
    assertTrue(port.getMessage().contains("PORT") && port.getMessage().contains("\"http\""), port.getMessage());
    ConfigException range = assertThrows(ConfigException.class, () -> Config.fromEnv(env(Config.PORT, "70000")));
    assertTrue(range.getMessage().contains("70000"), range.getMessage());
    ConfigException url = assertThrows(ConfigException.class, () -> Config.fromEnv(env(Config.SLACK_API_URL, "slack.com/api")));
    assertTrue(url.getMessage().contains("SLACK_API_URL") && url.getMessage().contains("slack.com/api"), url.getMessage());
  }

  @Test
  void solrUrlChoosesSolrWithItsNodesAndAliasAndDefaultsTheAlias() {
    Config c = Config.fromEnv(env(Config.SOLR_URL, " http://solr1:8983/solr/ , http://solr2:8983/solr",
        Config.STORIES_DIR, "/data/stories"));
    assertEquals(Config.Shelf.SOLR, c.shelf());
    assertEquals(List.of("http://solr1:8983/solr", "http://solr2:8983/solr"), c.solr().nodes());
    assertEquals(SolrSettings.DEFAULT_COLLECTION, c.solr().collection());
    assertEquals(Path.of("/data/stories"), c.storiesDir(), "the folder the alias is rebuilt from");
    assertEquals("news_v2", Config.fromEnv(env(Config.SOLR_URL, "https://solr:8983/solr",
        Config.SOLR_COLLECTION, "news_v2")).solr().collection());
    assertNull(Config.fromEnv(env()).solr());
    Config withVectors = Config.fromEnv(env(Config.SOLR_URL, "http://solr:8983/solr", Config.INDEX_DIR, "/data/index"));
    assertEquals(Config.Shelf.SOLR, withVectors.shelf(), "INDEX_DIR only keeps the vectors beside a Solr shelf");
    assertEquals(Path.of("/data/index"), withVectors.indexDir());
  }

  @Test
  void databaseUrlSharesStateWithItsUserAndPasswordNeverShown() {
    assertNull(Config.fromEnv(env()).database(), "unset: state in this process's memory");
    DatabaseSettings d = Config.fromEnv(env(Config.DATABASE_URL, "jdbc:postgresql://db:5432/storybot?sslmode=require",
        Config.DATABASE_USER, "bot", Config.DATABASE_PASSWORD, " pw-s3cret ")).database();
    assertEquals("jdbc:postgresql://db:5432/storybot?sslmode=require", d.url());
    assertEquals("bot", d.user());
    assertEquals(" pw-s3cret ", d.password(), "a password is taken as it is");
    assertFalse(d.toString().contains("pw-s3cret"), d.toString());
    assertEquals("jdbc:postgresql://db/storybot?user=bot&password=***&ssl=true",
        new DatabaseSettings("jdbc:postgresql://db/storybot?user=bot&password=pw-s3cret&ssl=true", null, null)
            .redactedUrl());
  }

  @Test
  void databaseSettingsThatCannotWorkAreNamedWithoutTheirPassword() {
    // Each case: what the message must say, then the environment.
    for (String[] bad : new String[][] {
        {"DATABASE_URL must be a PostgreSQL JDBC URL", Config.DATABASE_URL, "postgres://bot:pw-s3cret@db/storybot"},
        {"DATABASE_URL has user@ before the host", Config.DATABASE_URL, "jdbc:postgresql://bot:pw-s3cret@db/storybot"},
        {"DATABASE_PASSWORD is set but DATABASE_URL is not", Config.DATABASE_PASSWORD, "pw-s3cret"},
        {"DATABASE_USER is set but DATABASE_URL is not", Config.DATABASE_USER, "bot"},
    }) {
      String[] pairs = Arrays.copyOfRange(bad, 1, bad.length);
      ConfigException e = assertThrows(ConfigException.class, () -> Config.fromEnv(env(pairs)), bad[0]);
      assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
      assertFalse(e.getMessage().contains("pw-s3cret"), e.getMessage());
    }
  }

  @Test
  void solrSettingsThatCannotWorkAreNamed() {
    // Each case: the variable the message must start with, then the environment.
    for (String[] bad : new String[][] {
        {Config.SOLR_URL, Config.SOLR_URL, "solr1:8983"},
        {Config.SOLR_URL, Config.SOLR_URL, ","},
        {Config.SOLR_COLLECTION, Config.SOLR_COLLECTION, "stories"},
        {Config.SOLR_COLLECTION, Config.SOLR_URL, "http://solr:8983/solr", Config.SOLR_COLLECTION, "no spaces"}}) {
      String[] vars = List.of(bad).subList(1, bad.length).toArray(String[]::new);
      ConfigException e = assertThrows(ConfigException.class, () -> Config.fromEnv(env(vars)), String.join(" ", bad));
      assertTrue(e.getMessage().startsWith(bad[0]), e.getMessage());
    }
  }

  @Test
  void secretsNeverAppearInToString() {
    String shown = Config.fromEnv(env()).toString();
    assertFalse(shown.contains("s3cret"), shown);
    assertTrue(shown.contains("port=3000"), shown);
  }
}
