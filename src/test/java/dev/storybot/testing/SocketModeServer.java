package dev.storybot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode endpoint, played on 127.0.0.1 for tests: greets each connection with {@code hello}, sends
 * envelopes ({@code events_api}, {@code slash_commands}, {@code interactive}) and records the acks that come back.
 */
public final class SocketModeServer extends WebSocketServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch connected = new CountDownLatch(1);
  private final List<JsonNode> received = new ArrayList<>();
  private volatile WebSocket client;
  private volatile String path;

  private SocketModeServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  /** Starts a server on a free loopback port. */
  public static SocketModeServer start(Duration deadline) throws InterruptedException {
    SocketModeServer s = new SocketModeServer();
    s.start();
    if (!s.started.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("WebSocket server did not start");
    return s;
  }

  /** The URL apps.connections.open hands out. */
  public String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=test-ticket";
  }

  /** Waits for the bot to connect; returns the path it connected to. */
  public String awaitConnection(Duration deadline) throws InterruptedException {
    if (!connected.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("the bot never connected");
    return path;
  }

  /** Sends an envelope of {@code type} with {@code payload}, as Slack does. */
  public void sendEnvelope(String envelopeId, String type, JsonNode payload) {
    ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", type)
        .put("accepts_response_payload", !type.equals("events_api"));
    envelope.set("payload", payload);
    if (type.equals("events_api")) envelope.put("retry_attempt", 0).put("retry_reason", "");
    client.send(envelope.toString());
  }

  /** Waits for the ack of {@code envelopeId} and returns it. */
  public synchronized JsonNode awaitAck(String envelopeId, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      for (JsonNode m : received) if (envelopeId.equals(m.path("envelope_id").asText())) return m;
      long left = end - System.nanoTime();
      if (left <= 0) throw new AssertionError("no ack for " + envelopeId + " within " + deadline + "; got " + received);
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Whether the bot's socket is open. */
  public boolean clientOpen() {
    return client != null && client.isOpen();
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    client = conn;
    path = handshake.getResourceDescriptor();
    conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"test\",\"approximate_connection_time\":3600},"
        + "\"connection_info\":{\"app_id\":\"A0000001\"}}");
    connected.countDown();
  }

  @Override
  public synchronized void onMessage(WebSocket conn, String message) {
    try {
      received.add(JSON.readTree(message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    notifyAll();
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    // recorded through clientOpen()
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // a test fails on the missing ack instead
  }

  @Override
  public void close() throws InterruptedException {
    stop(1000);
  }
}
