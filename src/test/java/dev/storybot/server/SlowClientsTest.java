package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.storybot.metrics.Metrics;
import dev.storybot.testing.Scrape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle a request in, or open connection after connection, against the real server (with a 1 s
 * request bound and 4 connections per address, so the test is quick): they are cut off, counted, and a well-behaved
 * client is still answered.
 */
class SlowClientsTest {

  private static final StorybotServer.Limits LIMITS = new StorybotServer.Limits(4, Duration.ofSeconds(1),
      Duration.ofSeconds(30));
  private final Metrics metrics = new Metrics();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
  private Server server;
  private int port;

  @BeforeEach
  void start() throws Exception {
    Readiness ready = new Readiness() {
      @Override
      public boolean ready() {
        return true;
      }

      @Override
      public Map<String, Object> health() {
        return Map.of();
      }
    };
    // A Bolt app with no listeners: /slack/events reads (and checks) the body before anything else.
    App app = new App(AppConfig.builder().signingSecret("slow-clients-secret").build());
    server = StorybotServer.createServer(0, new StorybotServer.Deps(app, ready, metrics), LIMITS);
    server.start();
    port = StorybotServer.port(server);
  }

  @AfterEach
  void stop() throws Exception {
    trickle.shutdownNow();
    server.stop();
    metrics.close();
  }

  @Test
  void headersTrickledInAreCutOffAfterTheBound() throws Exception {
    try (Socket s = socket()) {
      // A header line every 200 ms, for ever: each byte resets the idle timeout, so only the request bound ends it.
      s.getOutputStream().write("GET /healthz HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      trickle.scheduleAtFixedRate(() -> write(s, "X-Slow: yes\r\n"), 200, 200, TimeUnit.MILLISECONDS);
      assertEquals(-1, s.getInputStream().read(), "closed without an answer");
    }
    assertEquals(1, closed("slow_request"));
    assertHealthy();
  }

  @Test
  void aBodyTrickledInIsCutOffAfterTheBound() throws Exception {
    try (Socket s = socket()) {
      s.getOutputStream().write(("POST " + StorybotServer.EVENTS_PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100000"
          + "\r\nContent-Type: application/json\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      trickle.scheduleAtFixedRate(() -> write(s, "x"), 200, 200, TimeUnit.MILLISECONDS);
      assertTrue(drainedToEnd(s.getInputStream()), "closed");
    }
    assertEquals(1, closed("slow_request"));
    assertHealthy();
  }

  @Test
  void connectionsBeyondTheLimitPerAddressAreClosedAndTheOthersServed() throws Exception {
    List<Socket> opened = new ArrayList<>();
    try {
      for (int i = 0; i <= LIMITS.perAddress(); i++) opened.add(socket());
      // Connections open on the server in no fixed order: whichever came last there is closed, the others served.
      int served = 0;
      int closed = 0;
      for (Socket s : opened) {
        String head = get(s);
        if (head.startsWith("HTTP/1.1 200")) served++;
        else if (head.isEmpty()) closed++;
      }
      assertEquals(LIMITS.perAddress(), served);
      assertEquals(1, closed);
    } finally {
      for (Socket s : opened) s.close();
    }
    assertEquals(1, closed("per_address"));
  }

  @Test
  void aClientThatSendsItsRequestAtOnceAndWaitsIsNotCut() throws Exception {
    try (Socket s = socket()) {
      assertTrue(get(s).startsWith("HTTP/1.1 200"));
      s.setSoTimeout(2_500);  // past the bound and two looks: an idle connection between requests stays open
      try {
        s.getInputStream().read();
        throw new AssertionError("the server closed a connection that was only idle");
      } catch (SocketTimeoutException expected) {
        assertTrue(get(s).startsWith("HTTP/1.1 200"), "and it serves the next request");
      }
    }
    assertEquals(0, closed("slow_request"));
  }

  @Test
  void theRuleSeesARequestUnderWayOnlyBetweenItsFirstByteAndItsAnswer() {
    SlowClients.Seen s = new SlowClients.Seen(InetAddress.getLoopbackAddress());
    long bound = 10;
    assertFalse(SlowClients.late(s, 0, 0, 100, bound), "nothing read: idle");
    assertFalse(SlowClients.late(s, 50, 0, 105, bound), "bytes came: the request is under way from now");
    assertFalse(SlowClients.late(s, 60, 0, 114, bound), "within the bound");
    assertTrue(SlowClients.late(s, 61, 0, 116, bound), "past it, still unanswered");
    SlowClients.Seen answered = new SlowClients.Seen(null);
    SlowClients.late(answered, 50, 0, 100, bound);
    assertFalse(SlowClients.late(answered, 50, 1, 200, bound), "answered: a fresh start");
    assertFalse(SlowClients.late(answered, 50, 1, 300, bound), "then idle, however long");
  }

  private Socket socket() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(10_000);
    return s;
  }

  // The response's head, or "" when the server closed the connection instead.
  private static String get(Socket s) throws IOException {
    OutputStream out = s.getOutputStream();
    try {
      out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      return "";  // closed already
    }
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    int length = -1;
    try {
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        head.append(line).append('\n');
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).strip());
      }
    } catch (SocketException e) {
      return "";  // reset: closed by the server
    }
    if (length > 0) in.readNBytes(length);
    return head.toString();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) if (c != '\r') b.append((char) c);
    return b.toString();
  }

  // Reads whatever the server sends until it closes; true once it has.
  private static boolean drainedToEnd(InputStream in) throws IOException {
    while (in.read() >= 0) {
      // an answer (408) may come before the close
    }
    return true;
  }

  private static void write(Socket s, String text) {
    try {
      s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);  // closed by the server: stops the trickle
    }
  }

  private double closed(String reason) {
    return new Scrape(metrics.scrape()).sum("storybot_http_connections_closed_total", "reason", reason);
  }

  private void assertHealthy() throws IOException {
    try (Socket s = socket()) {
      assertTrue(get(s).startsWith("HTTP/1.1 200"), "a well-behaved client is served");
    }
  }
}
