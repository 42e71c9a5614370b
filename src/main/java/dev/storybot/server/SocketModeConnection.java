package dev.storybot.server;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack over Socket Mode: the bot opens a WebSocket to Slack (apps.connections.open with the app-level token) and
 * receives events, slash commands and interactions as envelopes, acknowledged by envelope id on the same socket.
 * No public URL is needed. The envelopes run through the very same Bolt app and listeners as HTTP requests.
 */
public final class SocketModeConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);

  private final SocketModeApp socketMode;

  private SocketModeConnection(SocketModeApp socketMode) {
    this.socketMode = socketMode;
  }

  /**
   * Connects {@code app} to Slack with {@code appToken} and returns once the connection is being opened; the SDK
   * reconnects on its own when the socket drops.
   *
   * @throws IllegalArgumentException when Slack refuses the token, with Slack's error code in the message
   */
  public static SocketModeConnection connect(App app, String appToken) {
    SocketModeApp socketMode;
    try {
      // Java-WebSocket: a small client with no javax/jakarta WebSocket API to bring along.
      socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
      socketMode.startAsync();
    } catch (Exception e) {
      throw new IllegalArgumentException(whyRefused(app, appToken, e), e);
    }
    log.info("Connected to Slack over Socket Mode");
    return new SocketModeConnection(socketMode);
  }

  // The SDK reports a refused token as a missing URL: ask once more to learn Slack's error code.
  private static String whyRefused(App app, String appToken, Exception e) {
    try {
      AppsConnectionsOpenResponse r = app.slack().methods(appToken).appsConnectionsOpen(req -> req);
      if (!r.isOk()) return "apps.connections.open answered " + r.getError();
    } catch (Exception again) {
      return again.toString();
    }
    return e.toString();
  }

  /** Closes the socket: Slack sends nothing more; answers already being worked on still finish. */
  @Override
  public void close() {
    try {
      socketMode.close();
    } catch (Exception e) {
      log.warn("Closing the Socket Mode connection failed: {}", e.toString());
    }
  }
}
