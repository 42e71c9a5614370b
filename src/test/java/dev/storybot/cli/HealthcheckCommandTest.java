package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
