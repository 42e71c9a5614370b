package dev.storybot.cli;

import dev.storybot.answer.LuceneAnswerer;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.index.IndexStats;
import dev.storybot.index.StoryIndex;
import dev.storybot.metrics.Metrics;
import dev.storybot.search.LuceneStoryCatalog;
import dev.storybot.search.Scope;
import dev.storybot.search.StoryPage;
import dev.storybot.server.SocketModeConnection;
import dev.storybot.server.StorybotServer;
import dev.storybot.slack.StorybotApp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `storybot serve`: the Slack bot over HTTP, configured by environment variables, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the Slack bot: POST /slack/events, GET /healthz, GET /metrics.",
        "Configured by environment variables: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (required), PORT (3000),",
        "INDEX_DIR (a built index) and/or STORIES_DIR (story files, re-indexed when they change; neither: the bundled",
        "stories), SLACK_APP_TOKEN (xapp-, with --socket-mode), LOG_FORMAT (text or json), LOG_LEVEL (INFO),",
        "SLACK_API_URL (https://slack.com/api/)."})
public final class ServeCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  private final Map<String, String> env;
  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile Server server;
  private volatile StorybotApp bot;
  private volatile StoryIndex index;
  private volatile boolean ready;
  private volatile Metrics metrics;
  private volatile LiveStories live;
  private volatile SocketModeConnection socket;

  @Option(names = "--socket-mode", description = {"Receive Slack's events over a WebSocket that storybot opens",
      "(needs SLACK_APP_TOKEN; no public URL; SLACK_SIGNING_SECRET not needed). /healthz and /metrics stay on PORT."})
  boolean socketMode;
  private final Thread shutdownHook = new Thread(this::stop, "storybot-shutdown");

  public ServeCommand() {
    this(System.getenv());
  }

  ServeCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    Config config;
    try {
      config = Config.fromEnv(env).requireFor(socketMode);
    } catch (ConfigException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
    log.info("Starting with {}", config);
    DeferredAnswerer answerer = new DeferredAnswerer();
    metrics = new Metrics().bindJvm();
    try {
      bot = StorybotApp.create(config, answerer, this::newest, metrics);
      startBot(config);
      // Listen first: while a large STORIES_DIR is indexed, /healthz and /slack/events answer 503.
      server = StorybotServer.createServer(config.port(),
          new StorybotServer.Deps(socketMode ? null : bot.app(), this::counts, metrics, this::health));
      startServer(config);
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      log.info("Listening on port {}; loading the stories", port());
      Shelves.Opened opened = Shelves.open(config);
      StoryIndex loaded = opened.index();
      index = loaded;  // closed by stop() from here on
      live = LiveStories.start(config, loaded, opened.load(), metrics);
      answerer.ready(new LuceneAnswerer(loaded));
      metrics.index(() -> loaded.stats().stories(), () -> loaded.stats().paragraphs(),
          () -> loaded.stats().generation());
      ready = true;
      if (socketMode) connectSocket(config);  // after the index is in: envelopes are answered as they arrive
    } catch (Exception e) {
      stop();
      throw e;
    }
    IndexStats stats = index.stats();
    log.info("storybot is answering from {} stories ({} paragraphs) {}", stats.stories(), stats.paragraphs(),
        socketMode ? "over Socket Mode; health and metrics on port " + port()
            : "at http://0.0.0.0:" + port() + StorybotServer.EVENTS_PATH);
    started.countDown();
    server.join();
    return ExitCodes.OK;
  }

  private void startBot(Config config) {
    try {
      bot.start();  // auth.test: a wrong token or an unreachable Slack fails here, not at the first question
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UserException("Slack did not accept " + Config.SLACK_BOT_TOKEN + " (" + e.getMessage()
          + ") at " + config.slackApiUrl() + ": check the Bot User OAuth Token (xoxb-…) on your app's"
          + " \"OAuth & Permissions\" page, and " + Config.SLACK_API_URL + " if you set it");
    }
  }

  private void connectSocket(Config config) {
    try {
      socket = SocketModeConnection.connect(bot.app(), config.appToken());
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UserException("Slack did not accept " + Config.SLACK_APP_TOKEN + " (" + e.getMessage()
          + ") at " + config.slackApiUrl() + ": check the app-level token (xapp-…, scope connections:write) under"
          + " \"Basic Information\" → \"App-Level Tokens\", and that Socket Mode is enabled for the app");
    }
  }

  private void startServer(Config config) throws Exception {
    try {
      server.start();
    } catch (IOException e) {
      throw new ExitCodes.UserException("cannot listen on port " + config.port() + " (" + e.getMessage()
          + "): set " + Config.PORT + " to a free port");
    }
  }

  // The story listing over the index once it is loaded (App Home, /story list, filters that match nothing).
  private StoryPage newest(Scope scope, int offset, int limit) {
    if (!ready) throw new IllegalStateException("the stories are still loading");
    return new LuceneStoryCatalog(index).newest(scope, offset, limit);
  }

  private Optional<StorybotServer.Counts> counts() {
    if (!ready) return Optional.empty();
    IndexStats s = index.stats();
    return Optional.of(new StorybotServer.Counts(s.stories(), s.paragraphs()));
  }

  // Counts and generation from one snapshot (they replace the ones read a moment earlier), read after the last
  // reload's result: a reload finishing in between can make the index newer than "reload", never older.
  private Map<String, Object> health() {
    LiveStories l = live;
    Map<String, Object> reload = l == null ? null : l.health();
    IndexStats s = index.stats();
    Map<String, Object> more = new LinkedHashMap<>();
    more.put("stories", s.stories());
    more.put("paragraphs", s.paragraphs());
    more.put("generation", s.generation());
    if (reload != null) more.put("reload", reload);
    return more;
  }

  /** Waits until the server listens and returns its port; for tests. */
  int awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
    if (!started.await(timeout, unit)) throw new IllegalStateException("serve did not start within " + timeout + " " + unit);
    return port();
  }

  private int port() {
    return StorybotServer.port(server);
  }

  /** Stops gracefully: no new requests, requests in flight finish, then answers in progress, then the index. */
  void stop() {
    if (!stopped.compareAndSet(false, true)) return;
    long start = System.nanoTime();
    log.info("Stopping");
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Already shutting down (we are the hook), or never registered: nothing to undo.
    }
    if (socket != null) socket.close();  // Slack sends nothing more over the socket
    try {
      if (server != null) server.stop();
    } catch (Exception e) {
      log.warn("Stopping the HTTP server failed: {}", e.toString());
    }
    long httpStopped = System.nanoTime();
    if (bot != null) bot.close();
    if (live != null) live.close();  // a reload in progress finishes before the index closes
    try {
      if (index != null) index.close();
    } catch (IOException e) {
      log.warn("Closing the index failed: {}", e.toString());
    }
    if (metrics != null) metrics.close();
    log.info("Stopped in {} ms (HTTP {} ms, answers in progress and the index {} ms)", millis(start),
        (httpStopped - start) / 1_000_000, millis(httpStopped));
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
