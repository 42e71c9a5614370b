package dev.storybot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `storybot` command: a thin main that hands each subcommand to its own class. */
@Command(
    name = "storybot",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Answers questions with verbatim, attributed quotes from your stories — in Slack or on the terminal.",
    subcommands = {
        CommandLine.HelpCommand.class,
        IndexCommand.class,
        AskCommand.class,
        EvalCommand.class,
        BenchCommand.class,
        ServeCommand.class,
    })
public final class StorybotCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with storybot's exit-code and error handling, for main and for tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new StorybotCommand());
    cl.setExecutionExceptionHandler(new ExitCodes.UserErrorHandler());
    return cl;
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0 || !isLongRunning(args)) {
      System.exit(code);
    }
  }

  // `serve` keeps running on its own non-daemon threads; everything else ends with the exit code.
  private static boolean isLongRunning(String[] args) {
    return args.length > 0 && args[0].equals("serve");
  }
}
