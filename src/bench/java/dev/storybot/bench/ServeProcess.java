package dev.storybot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** `storybot serve` in a child JVM over a prebuilt index, its Slack Web API pointed at the stub, on loopback. */
final class ServeProcess implements AutoCloseable {

  static final String SECRET = "bench-signing-secret";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final Path errFile;
  final int port;
  /** Process start until /healthz answered 200. */
  final double startSeconds;

  private ServeProcess(Process process, Path errFile, int port, double startSeconds) {
    this.process = process;
    this.errFile = errFile;
    this.port = port;
    this.startSeconds = startSeconds;
  }

  /**
   * Starts the server with {@code heap} as -Xmx (e.g. "256m") and {@code jvmArgs}, and waits until it is healthy.
   *
   * @throws IllegalStateException when it exits or is not healthy within two minutes
   */
  static ServeProcess start(Path index, String heap, List<String> jvmArgs, WebApiStub stub, Path work,
      boolean semantic) throws IOException, InterruptedException {
    return start(System.getProperty("java.class.path"), index, heap, jvmArgs, stub.apiUrl(), work, semantic);
  }

  /**
   * As {@link #start(Path, String, List, WebApiStub, Path, boolean)} on {@code classPath}, against the Web API at
   * {@code apiUrl}.
   */
  static ServeProcess start(String classPath, Path index, String heap, List<String> jvmArgs, String apiUrl, Path work,
      boolean semantic) throws IOException, InterruptedException {
    int port = freePort();
    Path err = work.resolve("serve.err");
    Map<String, String> env = Map.of("SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", "xoxb-bench",
        "PORT", Integer.toString(port), "INDEX_DIR", index.toString(), "SLACK_API_URL", apiUrl,
        "LOG_LEVEL", "WARN", "SEMANTIC", semantic ? "on" : "off",
        // Every benchmark command comes from one user: the flood control would answer most of them "slow down".
        "RATE_LIMIT_PER_USER_PER_MINUTE", "1000000000", "RATE_LIMIT_GLOBAL_PER_SECOND", "1000000000");
    // Die at once on OutOfMemoryError, so a heap too small shows as a failure rather than a limping server.
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
    jvm.addAll(jvmArgs);
    long start = System.nanoTime();
    Process p = ChildJvm.builder(classPath, jvm, List.of("serve"), err, env, System.getenv())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    ServeProcess serve = new ServeProcess(p, err, port, 0);
    try {
      serve.awaitHealthy();
    } catch (IOException | InterruptedException | RuntimeException e) {
      serve.close();
      throw e;
    }
    return new ServeProcess(p, err, port, (System.nanoTime() - start) / 1e9);
  }

  /** True while the child runs. */
  boolean alive() {
    return process.isAlive();
  }

  /** CPU time the child has used so far, all threads, in nanoseconds (0 where the platform does not say). */
  long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** The child's peak resident memory in bytes (Linux VmHWM), or -1 where unknown. */
  long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  /** The last lines the child wrote to stderr. */
  String errTail() {
    return ChildJvm.tail(errFile);
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("serve exited with " + process.exitValue() + ": " + errTail());
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      process.waitFor(50, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("serve was not healthy within " + START_TIMEOUT.toSeconds() + " s: " + errTail());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
  }
}
