package dev.storybot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.config.Config;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine;

/** A real `storybot serve` on a free port, run in this JVM against a {@link SlackApiStub}, with signed requests. */
final class ServeRun implements AutoCloseable {

  static final String SECRET = "serve-run-secret";
  static final String TOKEN = "xoxb-serve-run-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  final SlackApiStub stub;
  final ServeCommand serve;
  final StringWriter err = new StringWriter();
  private final CompletableFuture<Integer> exit;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  /** Starts serve with the stub's URL, port 0 and the test secrets, plus {@code more} (name, value pairs). */
  ServeRun(SlackApiStub stub, String... more) throws Exception {
    this(stub, new String[0], more);
  }

  /** As {@link #ServeRun(SlackApiStub, String...)} with command-line {@code args} such as --socket-mode. */
  ServeRun(SlackApiStub stub, String[] args, String... more) throws Exception {
    this.stub = stub;
    // Tests here ask in loops to watch reloads and shutdowns, not the flood control: limits out of their way.
    Map<String, String> env = new HashMap<>(Map.of(Config.SLACK_SIGNING_SECRET, SECRET, Config.SLACK_BOT_TOKEN, TOKEN,
        Config.PORT, "0", Config.SLACK_API_URL, stub.apiUrl(), Config.RATE_LIMIT_PER_USER_PER_MINUTE, "1000000",
        Config.RATE_LIMIT_GLOBAL_PER_SECOND, "1000000"));
    for (int i = 0; i < more.length; i += 2) {
      if (more[i + 1] == null) env.remove(more[i]);
      else env.put(more[i], more[i + 1]);
    }
    serve = new ServeCommand(env);
    CommandLine cl = new CommandLine(serve);
    cl.setExecutionExceptionHandler(new ExitCodes.UserErrorHandler());
    cl.setErr(new PrintWriter(err, true));
    exit = CompletableFuture.supplyAsync(() -> cl.execute(args));
    try {
      port = serve.awaitStarted(60, TimeUnit.SECONDS);
    } catch (IllegalStateException e) {
      throw new AssertionError("serve did not start: " + err + (exit.isDone() ? " exit " + exit.getNow(null) : ""), e);
    }
  }

  int port() {
    return port;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.ofString());
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

  /** POSTs a signed `/story text` whose reply goes to the stub's response_url {@code responseId}. */
  HttpResponse<String> command(String text, String responseId) throws IOException, InterruptedException {
    String body = Payloads.render("slash_command.form", Map.of("TEXT", text, "CHANNEL", "C0000SERVE",
        "USER", "U0000ASKER", "RESPONSE_URL", stub.responseUrl(responseId)));
    long ts = Instant.now().getEpochSecond();
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", Long.toString(ts))
        .header("X-Slack-Signature", new SlackSigner(SECRET).sign(ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The reply text posted to response_url {@code responseId}, waiting for it. */
  String reply(String responseId) throws InterruptedException {
    return stub.awaitCall(c -> c.path().equals("/response/" + responseId), Duration.ofSeconds(20)).json().toString();
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
