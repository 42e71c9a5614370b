package dev.storybot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

  @Test
  void theChildGetsTheBenchSettingsAndNoneOfTheCallersOwn() {
    Map<String, String> callers = Map.ofEntries(Map.entry("PATH", "/usr/bin"), Map.entry("HOME", "/home/op"),
        Map.entry("SLACK_BOT_TOKEN", "xoxb-callers"), Map.entry("SLACK_SIGNING_SECRET", "callers-secret"),
        Map.entry("SLACK_APP_TOKEN", "xapp-callers"), Map.entry("STORIES_DIR", "/srv/stories"),
        Map.entry("INDEX_DIR", "/srv/index"), Map.entry("PORT", "3000"), Map.entry("LOG_FORMAT", "json"),
        Map.entry("FEEDBACK_DIR", "/srv/feedback"), Map.entry("CHANNELS_CONFIG", "/srv/channels.yml"),
        Map.entry("JAVA_TOOL_OPTIONS", "-Xmx8g"));
    ProcessBuilder pb = ChildJvm.builder(List.of("-Xmx64m"), List.of("ask", "x"), Path.of("err.txt"),
        Map.of("PORT", "1234", "INDEX_DIR", "/bench/index"), callers);

    assertEquals(Map.of("PATH", "/usr/bin", "HOME", "/home/op", "PORT", "1234", "INDEX_DIR", "/bench/index"),
        pb.environment(), "the caller's storybot settings are dropped, the bench's own given");
  }

  @Test
  void theChildRunsStorybotWithTheArgumentsAndKeepsItsErrors(@TempDir Path temp) throws Exception {
    Path err = temp.resolve("child.err");
    Process child = ChildJvm.builder(List.of("-Xmx64m"), List.of("--no-such-option"), err, Map.of()).start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
    assertEquals(ExitCodes.USER_ERROR, child.exitValue(), ChildJvm.tail(err));
    List<String> lines = Files.readAllLines(err);
    assertTrue(lines.get(0).contains("Unknown option: '--no-such-option'"), lines.get(0));
    assertTrue(ChildJvm.tail(err).endsWith(lines.get(lines.size() - 1)), "the failure message ends with the last line");
  }
}
