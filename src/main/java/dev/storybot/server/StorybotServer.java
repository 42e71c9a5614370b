package dev.storybot.server;

import com.slack.api.bolt.App;
import dev.storybot.metrics.Metrics;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/** Builds the HTTP server: Slack's requests at {@value #EVENTS_PATH}, liveness at {@value #HEALTH_PATH}. */
public final class StorybotServer {

  /** Where Slack sends events, slash commands and interactions (manifest.yml's request URLs). */
  public static final String EVENTS_PATH = "/slack/events";
  /** Health check for load balancers and Docker. */
  public static final String HEALTH_PATH = "/healthz";
  /** Prometheus metrics. */
  public static final String METRICS_PATH = "/metrics";
  /** Slack's payloads are a few kilobytes; anything near this is not Slack. */
  public static final long MAX_REQUEST_BYTES = 1 << 20;
  /** How long a stop waits for requests in flight. */
  public static final long STOP_TIMEOUT_MS = 5_000;

  /**
   * What one client may hold.
   *
   * @param perAddress connections open at once from one address; more are closed as they open
   * @param request how long a request may take from its first byte to our answer (headers and body included)
   * @param idle how long a connection may sit with nothing to read between requests
   */
  public record Limits(int perAddress, Duration request, Duration idle) {
    /** 64 connections per address, 10 s per request, 30 s idle. */
    public static Limits standard() {
      return new Limits(64, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
  }

  /**
   * What the server serves.
   *
   * @param slackApp the Bolt app with every listener registered, or null to serve no Slack endpoint (Socket Mode)
   * @param readiness whether the stories are in (until then /healthz and /slack/events answer 503), and health
   * @param metrics what /metrics exports
   */
  public record Deps(App slackApp, Readiness readiness, Metrics metrics) {}

  private StorybotServer() {}

  /** A server on {@code port} (0 picks a free one) with the {@link Limits#standard() standard limits}, not yet started. */
  public static Server createServer(int port, Deps deps) {
    return createServer(port, deps, Limits.standard());
  }

  /** A server on {@code port} (0 picks a free one) keeping clients within {@code limits}, not yet started. */
  public static Server createServer(int port, Deps deps, Limits limits) {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setPort(port);
    connector.setIdleTimeout(limits.idle().toMillis());
    // Every connection is watched: per-address count, and requests that trickle in are cut.
    connector.addBean(new SlowClients(limits.perAddress(), limits.request(), deps.metrics()));
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    if (deps.slackApp() != null) {
      EventsServlet events = new EventsServlet(deps.slackApp(), deps.readiness()::ready);
      context.addServlet(new ServletHolder("slack", events), EVENTS_PATH);
      // Size cap, signature (constant time) and freshness are checked here, before Bolt reads anything.
      context.addFilter(new FilterHolder(new SlackRequestGuard(deps.slackApp().config().getSigningSecret(),
          MAX_REQUEST_BYTES, Clock.systemUTC(), deps.metrics())), EVENTS_PATH, EnumSet.of(DispatcherType.REQUEST));
    }
    context.addServlet(new ServletHolder("health", new HealthServlet(deps.readiness())), HEALTH_PATH);
    context.addServlet(new ServletHolder("metrics", new MetricsServlet(deps.metrics())), METRICS_PATH);

    // Oversized bodies get 413 before Bolt reads them; stopping waits for requests in flight.
    SizeLimitHandler sizeLimit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
    sizeLimit.setHandler(context);
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(sizeLimit);
    server.setHandler(graceful);
    server.setStopTimeout(STOP_TIMEOUT_MS);
    server.setStopAtShutdown(false);  // `serve` orders the shutdown itself: HTTP first, then workers, then the index
    return server;
  }

  /** The port a started server listens on. */
  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }
}
