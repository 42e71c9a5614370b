package dev.storybot.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Slack's side of the HTTP benchmark on loopback: answers Web API methods ({@code auth.test} and the rest) with
 * {@code ok}, and receives the replies the bot posts to each slash command's {@code response_url}, completing the
 * future of that command, so a load client knows when its answer arrived.
 */
final class WebApiStub implements AutoCloseable {

  static final String RESPONSE_PATH = "/response/";
  private static final byte[] AUTH_TEST = ("{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\","
      + "\"user\":\"storybot\",\"team_id\":\"T0BENCH\",\"user_id\":\"U0BENCH\",\"bot_id\":\"B0BENCH\"}")
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] OK = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, CompletableFuture<String>> replies = new ConcurrentHashMap<>();

  private WebApiStub(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A stub on a free loopback port. */
  static WebApiStub start() throws IOException {
    // The JDK server writes headers and body separately; with Nagle on, the body waits for the client's delayed
    // ACK (about 40 ms), which would bill every answer the stub's stall. Read once, before the first server.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    return new WebApiStub(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256));
  }

  /** What the bot's SLACK_API_URL should be. */
  String apiUrl() {
    return base() + "/api/";
  }

  /** The response_url for command {@code id}, and the future that completes with the reply's body. */
  String expect(String id, CompletableFuture<String> reply) {
    replies.put(id, reply);
    return base() + RESPONSE_PATH + id;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex; InputStream in = ex.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String path = ex.getRequestURI().getPath();
      byte[] answer = path.endsWith("/auth.test") ? AUTH_TEST : OK;
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(200, answer.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(answer);
      }
      if (path.startsWith(RESPONSE_PATH)) {
        CompletableFuture<String> reply = replies.remove(path.substring(RESPONSE_PATH.length()));
        if (reply != null) reply.complete(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
