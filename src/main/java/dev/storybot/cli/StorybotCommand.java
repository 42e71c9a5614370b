package dev.storybot.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The `storybot` command: a thin main that hands each subcommand to its own class. Subcommands built apart from the
 * product (`bench`) are added when their {@link Subcommands} provider is on the class path.
 */
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
        FeedbackCommand.class,
        ServeCommand.class,
        HealthcheckCommand.class,
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
    for (Subcommands found : ServiceLoader.load(Subcommands.class, StorybotCommand.class.getClassLoader())) {
      found.commands().forEach(cl::addSubcommand);
    }
    cl.setExecutionExceptionHandler(new ExitCodes.UserErrorHandler());
    return cl;
  }

  public static void main(String[] args) {
    CommandLine cl = commandLine();
    // Java 17 writes in the locale's charset (ASCII under LANG=C); quotes and JSON must survive any locale.
    cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    int code = cl.execute(args);
    if (code != 0 || !isLongRunning(args)) {
      System.exit(code);
    }
  }

  // `serve` keeps running on its own non-daemon threads; everything else ends with the exit code.
  private static boolean isLongRunning(String[] args) {
    return args.length > 0 && args[0].equals("serve");
  }
}
