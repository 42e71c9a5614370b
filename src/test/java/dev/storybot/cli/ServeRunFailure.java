package dev.storybot.cli;

import dev.storybot.config.Config;
import dev.storybot.testing.SlackApiStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** A `storybot serve` that is expected to stop at start: its exit code and error output. */
record ServeRunFailure(int exitCode, String err) {

  /** Runs serve against {@code stub} with the test secrets changed by {@code more} (name, value; null unsets). */
  static ServeRunFailure of(SlackApiStub stub, String[] args, String... more) {
    Map<String, String> env = new HashMap<>(Map.of(Config.SLACK_SIGNING_SECRET, ServeRun.SECRET,
        Config.SLACK_BOT_TOKEN, ServeRun.TOKEN, Config.PORT, "0", Config.SLACK_API_URL, stub.apiUrl()));
    for (int i = 0; i < more.length; i += 2) {
      if (more[i + 1] == null) env.remove(more[i]);
      else env.put(more[i], more[i + 1]);
    }
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new ServeCommand(env));
    cl.setExecutionExceptionHandler(new ExitCodes.UserErrorHandler());
    cl.setErr(new PrintWriter(err, true));
    return new ServeRunFailure(cl.execute(args), err.toString());
  }
}
