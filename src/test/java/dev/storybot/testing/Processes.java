package dev.storybot.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion, its output kept for the error message when it fails. */
final class Processes {

  private Processes() {}

  /**
   * Runs {@code command} with output to a temporary file and returns that output.
   *
   * @throws IOException when it cannot start, fails (the output is in the message) or outlasts {@code timeoutSeconds}
   */
  static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile("storybot-cmd", ".log");
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IOException("exit " + p.exitValue() + ": " + String.join(" ", command) + "\n" + output);
      }
      return output;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
