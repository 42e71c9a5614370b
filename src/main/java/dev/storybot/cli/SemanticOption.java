package dev.storybot.cli;

import dev.storybot.app.Meaning;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import picocli.CommandLine.Option;

/** The `--semantic=on|off` option of the commands that index or answer (serve reads SEMANTIC instead). */
final class SemanticOption {

  @Option(names = "--semantic", defaultValue = "on", paramLabel = "on|off",
      description = {"on: answer by meaning as well as words, with an in-process embedding model (default)",
          "off: by words alone (no model loaded; for small machines)"})
  String value;

  /** True unless {@code --semantic=off}. */
  boolean on() {
    try {
      return Config.onOff("--semantic", value);
    } catch (ConfigException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
  }

  /** The model to use (loaded now), or none. */
  Meaning load() {
    return Meaning.of(on());
  }
}
