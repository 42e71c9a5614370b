package dev.storybot.bench;

import dev.storybot.cli.Subcommands;
import java.util.List;

/** Adds `storybot bench` to the command line; registered in META-INF/services, so the product never names it. */
public final class BenchSubcommands implements Subcommands {

  @Override
  public List<Object> commands() {
    return List.of(new BenchCommand());
  }
}
