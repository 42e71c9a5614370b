package dev.storybot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Slack's Web API and response_urls, played by a local HTTP server on 127.0.0.1 that records every call.
 * Web API methods live under {@link #apiUrl()} ({@code /api/chat.postMessage}, …); response_urls under
 * {@link #responseUrl(String)}. Failures can be queued per method, e.g. one HTTP 429 with Retry-After.
 * Registered as an extension ({@code @RegisterExtension final SlackApiStub stub = SlackApiStub.start();}) it is
 * closed after each test.
 */
public final class SlackApiStub implements AfterEachCallback, AutoCloseable {

  /** The bot's user id that auth.test reports. */
  public static final String BOT_USER_ID = "UBOT0001";
  /** The bot id that auth.test reports. */
  public static final String BOT_ID = "BBOT0001";
  /** The name a response_url call is recorded under. */
  public static final String RESPONSE_URL = "response_url";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One recorded request.
   *
   * @param method Web API method name, or {@link #RESPONSE_URL}
   * @param path request path
   * @param authorization the Authorization header, or null
   * @param params form fields (Web API calls); empty for JSON bodies
   * @param json the JSON body (response_url posts, or a form's JSON-valued field via {@link #jsonParam})
   * @param status the HTTP status the stub answered
   */
  public record Call(String method, String path, String authorization, Map<String, String> params, JsonNode json,
                     int status) {
    /** A form field that holds JSON (blocks), parsed. */
    public JsonNode jsonParam(String name) {
      try {
        String v = params.get(name);
        return v == null ? null : JSON.readTree(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final HttpServer server;
  // A thread per call: a hung call holds only its own, and a call is answered as it arrives, never after its
  // sender gave up on it (which would make a retry look like a duplicate).
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Call> calls = new ArrayList<>();
  private final StubFaults faults = new StubFaults();
  private final Map<String, String> overrides = new HashMap<>();
  private volatile boolean echo;

  /** Slack in trouble: every Web API method but auth.test, and every response_url, answers so until it ends. */
  public enum Outage {
    /** Answering well. */
    NONE,
    /** HTTP 500. */
    ERRORS,
    /** No answer until the outage ends; then 503 (the call was never carried out). */
    HANG,
    /** HTTP 429 with Retry-After: 1. */
    RATE_LIMITED
  }

  /** Holds the answer to one call until {@link #release()}: a Slack API that hangs, without sleeping. */
  public static final class Hold {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Waits until the held call has reached the stub. */
    public void awaitArrival() throws InterruptedException {
      if (!arrived.await(10, TimeUnit.SECONDS)) throw new AssertionError("the held call never arrived");
    }

    /** Lets the held call be answered. */
    public void release() {
      released.countDown();
    }

    void hold() throws InterruptedException {
      arrived.countDown();
      released.await(30, TimeUnit.SECONDS);
    }
  }

  private SlackApiStub(HttpServer server) {
    this.server = server;
  }

  /** Starts a stub on a free loopback port. */
  public static SlackApiStub start() {
    return start(0);
  }

  /** Starts a stub on loopback {@code port} (0: any free port). */
  public static SlackApiStub start(int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      SlackApiStub stub = new SlackApiStub(server);
      server.createContext("/", stub::handle);
      server.setExecutor(stub.threads);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Web API base to give the bot (SLACK_API_URL), ending in "/". */
  public String apiUrl() {
    return base() + "/api/";
  }

  /** A response_url served by this stub; {@code id} tells replies to different requests apart. */
  public String responseUrl(String id) {
    return base() + "/response/" + id;
  }

  /** The next {@code times} calls of {@code method} fail with {@code status} and {@code headers}. */
  public void failNext(String method, int times, int status, Map<String, String> headers) {
    faults.failNext(method, times, status, headers);
  }

  /** The next {@code times} calls of {@code method} answer HTTP 200 with {"ok":false,"error":error}, as Slack refuses. */
  public void refuseNext(String method, int times, String error) {
    faults.refuseNext(method, times, error);
  }

  /** The next call of {@code method} is held unanswered until the returned hold is released. */
  public Hold hold(String method) {
    return faults.hold(method);
  }

  /** From now on Slack is in {@code outage} (NONE ends it; hung calls then fail with 503). */
  public void outage(Outage outage) {
    faults.outage(outage);
  }

  /** Replaces the JSON that {@code method} answers with, e.g. auth.test {"ok":false,"error":"invalid_auth"}. */
  public synchronized void answer(String method, String json) {
    overrides.put(method, json);
  }

  /** Every call recorded so far, in arrival order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of {@code method} so far. */
  public synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /**
   * Waits until {@code count} calls of {@code method} have been answered successfully, and returns them.
   *
   * @throws AssertionError when they do not arrive within {@code deadline}, listing what did arrive
   */
  public List<Call> await(String method, int count, Duration deadline) throws InterruptedException {
    return awaitUntil(() -> {
      List<Call> ok = calls.stream().filter(c -> c.method().equals(method) && c.status() == 200).toList();
      return ok.size() >= count ? ok : null;
    }, deadline, "expected " + count + " successful " + method + " call(s)");
  }

  /**
   * Waits until a successful call of {@code method} matches {@code test}, and returns the first that does.
   *
   * @throws AssertionError when none arrives within {@code deadline}
   */
  public Call awaitMatching(String method, Predicate<Call> test, Duration deadline) throws InterruptedException {
    return awaitUntil(() -> calls.stream().filter(c -> c.method().equals(method) && c.status() == 200 && test.test(c))
        .findFirst().orElse(null), deadline, "no matching " + method + " call");
  }

  /** Waits until {@code test} holds of every call so far (checked again as each arrives) and returns them. */
  public List<Call> awaitCalls(Predicate<List<Call>> test, Duration deadline, String what) throws InterruptedException {
    return awaitUntil(() -> test.test(calls) ? List.copyOf(calls) : null, deadline, what);
  }

  // Every recorded call wakes this monitor; the check runs under it, so it sees the calls as they stand.
  private synchronized <T> T awaitUntil(Supplier<T> check, Duration deadline, String failure)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    for (T found = check.get(); ; found = check.get()) {
      if (found != null) return found;
      long left = end - System.nanoTime();
      if (left <= 0) throw new AssertionError(failure + " within " + deadline + "; got "
          + calls.stream().map(c -> c.method() + " " + c.path() + "→" + c.status()).toList());
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Waits for the first successful call of {@code method}. */
  public Call awaitOne(String method) throws InterruptedException {
    return await(method, 1, Duration.ofSeconds(10)).get(0);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    faults.outage(Outage.NONE);  // hung calls end
    server.stop(0);
    threads.shutdownNow();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
      String method = path.startsWith("/api/") ? path.substring(5) : RESPONSE_URL;
      Map<String, String> params = type.startsWith("application/x-www-form-urlencoded") ? Payloads.fields(body) : Map.of();
      JsonNode json = type.startsWith("application/json") && !body.isEmpty() ? JSON.readTree(body) : null;

      StubFaults.Failure failure;
      try {
        failure = faults.answer(method);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      String answer;
      synchronized (this) {
        answer = overrides.get(method);
      }
      int status = failure != null ? failure.status() : 200;
      String out = failure != null ? failure.body() : answer != null ? answer : defaultAnswer(method, params);
      if (failure != null) failure.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      byte[] bytes = out.getBytes(StandardCharsets.UTF_8);  // recorded before it goes out, so never after the next call
      record(new Call(method, path, ex.getRequestHeaders().getFirst("Authorization"), params, json, status));
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  private synchronized void record(Call call) {
    calls.add(call);
    notifyAll();
    if (echo) System.out.println(call.status() + " " + call.method() + " " + (call.json() != null ? call.json() : call.params()));
  }

  /**
   * Runs the stub on its own so that a real `storybot serve` can be tried against it; prints every call.
   * {@code java -cp target/test-classes:target/storybot.jar dev.storybot.testing.SlackApiStub 8900}
   */
  public static void main(String[] args) throws InterruptedException {
    SlackApiStub stub = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    stub.echo = true;
    System.out.println("Slack Web API stub: SLACK_API_URL=" + stub.apiUrl() + "  response_url: " + stub.responseUrl("<id>"));
    Thread.currentThread().join();
  }

  private static String defaultAnswer(String method, Map<String, String> params) {
    ObjectNode o = JSON.createObjectNode().put("ok", true);
    switch (method) {
      case "auth.test" -> o.put("user_id", BOT_USER_ID).put("bot_id", BOT_ID).put("team_id", "T0000001")
          .put("team", "Test team").put("user", "storybot").put("url", "https://test.slack.com/");
      case "bots.info" -> o.putObject("bot").put("id", params.getOrDefault("bot", "B0")).put("user_id", "UOTHERBOT")
          .put("name", "another bot");
      case "chat.postMessage" -> o.put("channel", params.get("channel")).put("ts", "1700000000." + System.nanoTime() % 1_000_000);
      case RESPONSE_URL -> o.removeAll().put("ok", true);
      default -> { }
    }
    return o.toString();
  }
}
