package dev.storybot.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when an engine it needs is not on this machine: skipped, with what to do, on a developer's
 * machine; a failure in CI (the environment variable CI is set), whose script installs and builds every engine.
 */
public final class Prerequisite {

  private Prerequisite() {}

  /** Skips the test (or fails it in CI) saying what is missing and how to get it. */
  public static void missing(String what, String howToGetIt) {
    String message = what + " — " + howToGetIt;
    if (inCi()) throw new IllegalStateException("CI must not skip: " + message);
    Assumptions.abort(message);
  }

  /** Whether this is a CI run: the variable CI set to anything but "false". */
  public static boolean inCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
  }
}
