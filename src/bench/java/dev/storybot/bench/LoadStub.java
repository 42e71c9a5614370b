package dev.storybot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Slack's side of the mixed load on loopback: the Web API (auth.test with the bot's ids, chat.postMessage with a ts,
 * reactions and the rest "ok") and the response_urls of `/story` commands. Every reply is recorded under its
 * question — a mention's thread ts, a command's response_url id — with when it came, so the load can tell answered
 * from told-busy from silent, and see duplicates. Every call takes {@code latency} to answer, as Slack's do (a
 * thread each meanwhile, so calls never queue behind one another here). An outage makes everything but auth.test fail with 500, hang
 * (then 503: never carried out) or answer 429 with Retry-After: 1, until it ends.
 */
final class LoadStub implements AutoCloseable {

  static final String BOT_USER_ID = "U0BENCH";
  static final String RESPONSE_PATH = "/response/";
  private static final byte[] AUTH_TEST = ("{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\","
      + "\"user\":\"storybot\",\"team_id\":\"T0BENCH\",\"user_id\":\"" + BOT_USER_ID + "\",\"bot_id\":\"B0BENCH\"}")
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] FAILED = "{\"ok\":false,\"error\":\"bench_outage\"}".getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What Slack does for a while. */
  enum Outage { NONE, ERRORS, HANG, RATE_LIMITED }

  /**
   * One reply as it arrived.
   *
   * @param text its text (the plain fallback)
   * @param nanos System.nanoTime() when it came
   */
  record Reply(String text, long nanos) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();  // a hung call holds only its own
  private final Map<String, List<Reply>> replies = new ConcurrentHashMap<>();
  private final Object outageLock = new Object();
  private volatile Outage outage = Outage.NONE;
  private final long latencyMillis;

  private LoadStub(HttpServer server, long latencyMillis) {
    this.server = server;
    this.latencyMillis = latencyMillis;
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** A stub on a free loopback port whose every call takes {@code latencyMillis} to answer. */
  static LoadStub start(long latencyMillis) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");  // see WebApiStub: no delayed-ACK stall per reply
    return new LoadStub(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024),
        latencyMillis);
  }

  /** SLACK_API_URL for the bot. */
  String apiUrl() {
    return base() + "/api/";
  }

  /** The response_url of command {@code id}. */
  String responseUrl(String id) {
    return base() + RESPONSE_PATH + id;
  }

  /** From now on Slack is in {@code o}; NONE ends it (hung calls then fail with 503). */
  void outage(Outage o) {
    synchronized (outageLock) {
      outage = o;
      outageLock.notifyAll();
    }
  }

  /** The replies to the mention in thread {@code ts}. */
  List<Reply> mentionReplies(String ts) {
    return replies.getOrDefault("m:" + ts, List.of());
  }

  /** The replies to the command whose response_url is {@code id}. */
  List<Reply> commandReplies(String id) {
    return replies.getOrDefault("c:" + id, List.of());
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex; InputStream in = ex.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String path = ex.getRequestURI().getPath();
      pause();
      if (!path.endsWith("/auth.test") && failed(ex)) return;
      byte[] answer = path.endsWith("/auth.test") ? AUTH_TEST : path.endsWith("/chat.postMessage")
          ? ("{\"ok\":true,\"ts\":\"" + System.nanoTime() + ".000000\"}").getBytes(StandardCharsets.UTF_8)
          : "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(200, answer.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(answer);
      }
      record(path, body);
    }
  }

  // Slack's round trip, on this call's own thread.
  private void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(latencyMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // Answers as the outage says, if there is one; true when it did.
  private boolean failed(HttpExchange ex) throws IOException {
    Outage now = outage;
    if (now == Outage.NONE) return false;
    if (now == Outage.HANG) {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      synchronized (outageLock) {
        try {
          while (outage == Outage.HANG && end - System.nanoTime() > 0) outageLock.wait(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    int status = now == Outage.ERRORS ? 500 : now == Outage.RATE_LIMITED ? 429 : 503;
    if (status == 429) ex.getResponseHeaders().set("Retry-After", "1");
    ex.sendResponseHeaders(status, FAILED.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(FAILED);
    }
    return true;
  }

  private void record(String path, String body) throws IOException {
    long now = System.nanoTime();
    if (path.startsWith(RESPONSE_PATH)) {
      String text = JSON.readTree(body).path("text").asText();
      replies.computeIfAbsent("c:" + path.substring(RESPONSE_PATH.length()), k -> new CopyOnWriteArrayList<>())
          .add(new Reply(text, now));
    } else if (path.endsWith("/chat.postMessage")) {
      Map<String, String> form = form(body);
      if (form.containsKey("thread_ts")) {
        replies.computeIfAbsent("m:" + form.get("thread_ts"), k -> new CopyOnWriteArrayList<>())
            .add(new Reply(form.getOrDefault("text", ""), now));
      }
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new java.util.HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Override
  public void close() {
    outage(Outage.NONE);
    server.stop(0);
    threads.shutdownNow();
  }
}
