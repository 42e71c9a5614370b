package dev.storybot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RATE_LIMIT_PER_USER_PER_MINUTE and RATE_LIMIT_GLOBAL_PER_SECOND: defaults, values, and bad values named. */
class RateLimitsConfigTest {

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of(Config.SLACK_SIGNING_SECRET, "s", Config.SLACK_BOT_TOKEN, "xoxb-t"));
    for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
    return env;
  }

  @Test
  void unsetMeansTheDefaults() {
    assertEquals(RateLimits.DEFAULT, Config.fromEnv(env()).rateLimits());
    assertEquals(new RateLimits(10, 20), RateLimits.DEFAULT);
  }

  @Test
  void valuesAreRead() {
    Config c = Config.fromEnv(env(Config.RATE_LIMIT_PER_USER_PER_MINUTE, " 4 ", Config.RATE_LIMIT_GLOBAL_PER_SECOND, "50"));
    assertEquals(new RateLimits(4, 50), c.rateLimits());
  }

  @Test
  void aBadValueIsAConfigErrorNamingTheVariableAndTheValue() {
    for (String bad : new String[] {"0", "-3", "ten", "1.5"}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> Config.fromEnv(env(Config.RATE_LIMIT_PER_USER_PER_MINUTE, bad)));
      assertEquals("RATE_LIMIT_PER_USER_PER_MINUTE must be a whole number of at least 1, got \"" + bad + "\"", e.getMessage());
    }
    ConfigException e = assertThrows(ConfigException.class,
        () -> Config.fromEnv(env(Config.RATE_LIMIT_GLOBAL_PER_SECOND, "0")));
    assertEquals("RATE_LIMIT_GLOBAL_PER_SECOND must be a whole number of at least 1, got \"0\"", e.getMessage());
  }
}
