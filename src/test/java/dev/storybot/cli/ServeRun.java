package dev.storybot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.config.Config;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * A real `storybot serve` on a free port, run in this JVM from an environment against a {@link SlackApiStub}, with
 * signed requests as {@link SlackClient} sends them.
 */
final class ServeRun extends SlackClient implements AutoCloseable {

  static final String SECRET = "serve-run-secret";
  static final String TOKEN = "xoxb-serve-run-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SlackApiStub stub;
  private final ServeCommand serve;
  private final StringWriter err = new StringWriter();
  private final CompletableFuture<Integer> exit;
  private final int port;

  /** Starts serve with {@link #env} changed by {@code more} (name, value pairs; null unsets). */
  ServeRun(SlackApiStub stub, String... more) throws Exception {
    this(stub, new String[0], more);
  }

  /** As {@link #ServeRun(SlackApiStub, String...)} with command-line {@code args} such as --socket-mode. */
  ServeRun(SlackApiStub stub, String[] args, String... more) throws Exception {
    super(SECRET);
    this.stub = stub;
    serve = new ServeCommand(env(stub, more));
    CommandLine cl = commandLine(serve, err);
    exit = CompletableFuture.supplyAsync(() -> cl.execute(args));
    try {
      port = serve.awaitStarted(60, TimeUnit.SECONDS);
    } catch (IllegalStateException e) {
      throw new AssertionError("serve did not start: " + err + (exit.isDone() ? " exit " + exit.getNow(null) : ""), e);
    }
  }

  /**
   * The environment of a test's serve: the stub's URL, port 0 and the test secrets, and rate limits out of the way
   * (tests ask in loops to watch reloads and shutdowns, not the flood control); changed by {@code more}. Meaning is
   * off unless {@code more} turns it on (SEMANTIC=on): these runs watch serve's life, and each would load the model;
   * SemanticServeTest runs serve with it.
   */
  static Map<String, String> env(SlackApiStub stub, String... more) {
    Map<String, String> env = new HashMap<>(Map.of(Config.SLACK_SIGNING_SECRET, SECRET, Config.SLACK_BOT_TOKEN, TOKEN,
        Config.PORT, "0", Config.SLACK_API_URL, stub.apiUrl(), Config.RATE_LIMIT_PER_USER_PER_MINUTE, "1000000",
        Config.RATE_LIMIT_GLOBAL_PER_SECOND, "1000000", Config.SEMANTIC, "off"));
    for (int i = 0; i < more.length; i += 2) {
      if (more[i + 1] == null) env.remove(more[i]);
      else env.put(more[i], more[i + 1]);
    }
    return env;
  }

  /** {@code serve}'s command line as `storybot` runs it: user errors become exit codes, errors go to {@code err}. */
  static CommandLine commandLine(ServeCommand serve, StringWriter err) {
    CommandLine cl = new CommandLine(serve);
    cl.setExecutionExceptionHandler(new ExitCodes.UserErrorHandler());
    cl.setErr(new PrintWriter(err, true));
    return cl;
  }

  @Override
  public SlackApiStub stub() {
    return stub;
  }

  @Override
  public int port() {
    return port;
  }

  JsonNode health() throws IOException, InterruptedException {
    return JSON.readTree(get("/healthz").body());
  }

  /** Polls /healthz until {@code test} holds, failing after {@code deadline} with the last body. */
  JsonNode awaitHealth(Predicate<JsonNode> test, Duration deadline) throws IOException, InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      JsonNode h = health();
      if (test.test(h)) return h;
      if (System.nanoTime() > end) throw new AssertionError("/healthz never got there within " + deadline + ": " + h);
      Thread.onSpinWait();
    }
  }

  /** What serve wrote to standard error. */
  String err() {
    return err.toString();
  }

  /** Stops serve the way the shutdown hook does and returns its exit code. */
  int stop() throws Exception {
    serve.stop();
    return exit.get(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    if (!exit.isDone()) stop();
  }
}
