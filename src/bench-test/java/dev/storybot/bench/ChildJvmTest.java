package dev.storybot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

  @Test
  void theChildGetsTheBenchSettingsAndNoneOfTheCallersOwn() {
    for (String own : List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "STORIES_DIR", "INDEX_DIR", "PORT", "LOG_FORMAT")) {
      assertTrue(ChildJvm.storybotSetting(own), own);
    }
    assertFalse(ChildJvm.storybotSetting("PATH"));
    assertFalse(ChildJvm.storybotSetting("HOME"));

    ProcessBuilder pb = ChildJvm.builder(List.of("-Xmx64m"), List.of("ask", "x"), Path.of("err.txt"),
        Map.of("PORT", "1234"));
    assertEquals("1234", pb.environment().get("PORT"));
    assertFalse(pb.environment().containsKey("STORIES_DIR"));
    List<String> cmd = pb.command();
    assertEquals(List.of("-Xmx64m", "-cp"), cmd.subList(1, 3));
    assertEquals(List.of(ChildJvm.MAIN, "ask", "x"), cmd.subList(4, 7));
  }
}
