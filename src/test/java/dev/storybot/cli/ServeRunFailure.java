package dev.storybot.cli;

import dev.storybot.testing.SlackApiStub;
import java.io.StringWriter;

/** A `storybot serve` that is expected to stop at start: its exit code and error output. */
record ServeRunFailure(int exitCode, String err) {

  /** Runs serve against {@code stub} with {@link ServeRun#env} changed by {@code more} (name, value; null unsets). */
  static ServeRunFailure of(SlackApiStub stub, String[] args, String... more) {
    StringWriter err = new StringWriter();
    int exit = ServeRun.commandLine(new ServeCommand(ServeRun.env(stub, more)), err).execute(args);
    return new ServeRunFailure(exit, err.toString());
  }

  /** As {@link #of(SlackApiStub, String[], String...)} without command-line arguments. */
  static ServeRunFailure of(SlackApiStub stub, String... more) {
    return of(stub, new String[0], more);
  }
}
