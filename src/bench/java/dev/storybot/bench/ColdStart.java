package dev.storybot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: a new JVM running {@code storybot ask --index DIR "question"} on a prebuilt index, timed from just
 * before the process is started to its first line of answer on stdout (and, apart, to its exit).
 */
final class ColdStart {

  /**
   * Several cold starts.
   *
   * @param firstAnswer process start to first answer line
   * @param exit process start to exit
   */
  public record Result(Latency firstAnswer, Latency exit) {}

  private static final long TIMEOUT_S = 120;

  private ColdStart() {}

  /**
   * Runs {@code runs} cold starts, asking {@code question}.
   *
   * @throws IllegalStateException when a run fails or prints nothing
   */
  static Result run(Path index, String question, int runs, Path work) throws IOException, InterruptedException {
    long[] first = new long[runs];
    long[] exit = new long[runs];
    Path err = work.resolve("cold-start.err");
    for (int i = 0; i < runs; i++) {
      ProcessBuilder pb = ChildJvm.builder(List.of(), List.of("ask", "--index", index.toString(), question), err,
          Map.of());
      long start = System.nanoTime();
      Process p = pb.start();
      p.getOutputStream().close();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line = out.readLine();
        first[i] = System.nanoTime() - start;
        if (line == null) throw new IllegalStateException("cold start printed no answer: " + ChildJvm.tail(err));
        while (out.readLine() != null) {
          // drain the rest of the answer so the child never blocks on a full pipe
        }
      }
      if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("cold start did not finish within " + TIMEOUT_S + " s");
      }
      exit[i] = System.nanoTime() - start;
      if (p.exitValue() != 0) {
        throw new IllegalStateException("cold start exited with " + p.exitValue() + ": " + ChildJvm.tail(err));
      }
    }
    return new Result(Latency.ofNanos(first), Latency.ofNanos(exit));
  }
}
