package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.config.Config;
import dev.storybot.testing.SlackBot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `storybot healthcheck`, Docker's HEALTHCHECK: 0 for a healthy server on PORT, 1 for a loading or absent one. */
class HealthcheckCommandTest {

  private static int run(Map<String, String> env, String... args) {
    CommandLine cl = new CommandLine(new HealthcheckCommand(env));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  @Test
  void healthyWhenTheServerOnPortSaysOk() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      String port = Integer.toString(bot.port());
      assertEquals(ExitCodes.OK, run(Map.of(Config.PORT, port)));
    }
  }

  @Test
  void unhealthyWhileLoadingOrWhenNothingListens() throws Exception {
    try (SlackBot bot = SlackBot.builder().loading().start()) {
      assertEquals(HealthcheckCommand.UNHEALTHY, run(Map.of(), "--url", bot.baseUrl() + "/healthz"));
    }
    int free;
    try (ServerSocket s = new ServerSocket(0)) {
      free = s.getLocalPort();
    }
    assertEquals(HealthcheckCommand.UNHEALTHY, run(Map.of(Config.PORT, Integer.toString(free))));
  }

  @Test
  void timeoutsAreWrittenAsPeopleWriteThem() throws Exception {
    try (SlackBot bot = SlackBot.builder().start()) {
      for (String t : new String[] {"2s", "500ms", "1m", "PT3S"}) {
        assertEquals(ExitCodes.OK, run(Map.of(), "--url", bot.baseUrl() + "/healthz", "--timeout", t), t);
      }
    }
    Run bad = Run.of("healthcheck", "--timeout", "2 parsecs");
    assertEquals(ExitCodes.USER_ERROR, bad.exitCode());
    assertTrue(bad.err().contains("write a time such as 500ms, 3s or 1m, not \"2 parsecs\""), bad.err());
    String help = Run.of("healthcheck", "--help").out();
    assertTrue(help.contains(" 3s).") && !help.contains("PT3S"), "the default as people write it: " + help);
  }
}
