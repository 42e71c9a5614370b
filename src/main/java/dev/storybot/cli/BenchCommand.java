package dev.storybot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `storybot bench`: benchmarks of indexing, answering, start-up, HTTP and memory, and their corpus generator. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks storybot on generated corpora.",
    subcommands = {BenchCorpusCommand.class})
final class BenchCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
