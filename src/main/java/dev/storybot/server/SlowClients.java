package dev.storybot.server;

import dev.storybot.metrics.Metrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow and greedy clients from holding the server's connections: at most {@code perAddress} connections from
 * one address (more are closed as they open), and a request must arrive and be answered within {@code request} of
 * its first byte (headers or body trickled in byte by byte are cut, however often a byte comes — the idle timeout
 * alone would wait for ever). Jetty 12.1 has neither per-address limits nor a header timeout, so this listens to
 * every connection and looks at them once a second. Slack sends a request of a few kilobytes at once and we answer
 * in milliseconds, so neither bound comes near its traffic.
 */
final class SlowClients extends AbstractLifeCycle implements Connection.Listener {

  private static final Logger log = LoggerFactory.getLogger(SlowClients.class);

  /** What one connection has done, as of the last look. */
  static final class Seen {
    final InetAddress address;
    long bytesIn;
    long responses;
    long since;  // when a request was first seen under way, or 0

    Seen(InetAddress address) {
      this.address = address;
    }
  }

  private final int perAddress;
  private final Duration request;
  private final Metrics metrics;
  private final Map<Connection, Seen> open = new ConcurrentHashMap<>();
  private final Map<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();
  private ScheduledExecutorService looker;

  SlowClients(int perAddress, Duration request, Metrics metrics) {
    if (perAddress < 1) throw new IllegalArgumentException("perAddress must be at least 1, got " + perAddress);
    this.perAddress = perAddress;
    this.request = request;
    this.metrics = metrics;
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress address = address(connection.getEndPoint().getRemoteSocketAddress());
    open.put(connection, new Seen(address));
    if (address == null) return;
    int n = byAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    if (n > perAddress) {
      metrics.connectionClosed("per_address");
      log.debug("Closed a connection from {}: it already has {} open", address, perAddress);
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    Seen seen = open.remove(connection);
    if (seen == null || seen.address == null) return;
    byAddress.computeIfPresent(seen.address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  @Override
  protected void doStart() {
    looker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "storybot-slow-clients");
      t.setDaemon(true);
      return t;
    });
    looker.scheduleWithFixedDelay(this::look, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  protected void doStop() {
    looker.shutdownNow();
  }

  // Once a second: a connection whose request has been under way for longer than the bound is closed.
  private void look() {
    long now = System.nanoTime();
    int cut = 0;
    for (Map.Entry<Connection, Seen> e : open.entrySet()) {
      Connection c = e.getKey();
      if (late(e.getValue(), c.getBytesIn(), c.getMessagesOut(), now, request.toNanos())) {
        metrics.connectionClosed("slow_request");
        c.getEndPoint().close();
        cut++;
      }
    }
    if (cut > 0) {
      log.info("Closed {} connections whose request took over {} s to arrive and be answered (slow or stalled clients)",
          cut, request.toSeconds());
    }
  }

  /**
   * Whether the connection last seen as {@code s} now, with {@code bytesIn} read and {@code responses} sent, has had
   * a request under way for longer than {@code bound}: bytes came after the last response and no response since.
   * Between requests (nothing new read) it is idle, which the idle timeout handles.
   */
  static boolean late(Seen s, long bytesIn, long responses, long now, long bound) {
    if (responses != s.responses) {  // answered: what came since belongs to the next request, if anything
      s.responses = responses;
      s.bytesIn = bytesIn;
      s.since = 0;
      return false;
    }
    if (bytesIn == s.bytesIn) return false;
    if (s.since == 0) {
      s.since = now;
      return false;
    }
    return now - s.since > bound;
  }

  private static InetAddress address(SocketAddress a) {
    return a instanceof InetSocketAddress i ? i.getAddress() : null;
  }
}
