package dev.storybot.config;

import java.util.List;

/**
 * Missing or invalid settings; the message names each environment variable (or file) and says what to do. Every
 * problem found is in one exception, so that a setup is fixed in one round, not one variable per run.
 */
public final class ConfigException extends IllegalArgumentException {

  private final List<String> problems;

  public ConfigException(String message) {
    this(List.of(message));
  }

  /** {@code problems}, one sentence each, at least one. */
  public ConfigException(List<String> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, as found. */
  public List<String> problems() {
    return problems;
  }

  /** One problem as it is; several as "N problems with the settings:" and one indented line each. */
  public static String describe(List<String> problems) {
    if (problems.isEmpty()) throw new IllegalArgumentException("no problem to describe");
    if (problems.size() == 1) return problems.get(0);
    return problems.size() + " problems with the settings:\n  - " + String.join("\n  - ", problems);
  }
}
