package dev.storybot.cli;

import dev.storybot.app.Storybot;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `storybot serve`: the Slack bot over HTTP (or Socket Mode), configured by environment variables, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the Slack bot: POST /slack/events, GET /healthz, GET /metrics.",
        "Configured by environment variables: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (required), PORT (3000),"
            + " INDEX_DIR (a built index) and/or STORIES_DIR (story files, re-indexed when they change; neither: the"
            + " bundled story), SLACK_APP_TOKEN (xapp-, with --socket-mode), CHANNELS_CONFIG, FEEDBACK_DIR,"
            + " LOG_FORMAT (text or json), LOG_LEVEL (INFO), SLACK_API_URL (Slack's own by default). Every one is"
            + " described in docs/OPERATIONS.md."})
public final class ServeCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  private final Map<String, String> env;
  private final CountDownLatch started = new CountDownLatch(1);
  private final Thread shutdownHook = new Thread(this::stop, "storybot-shutdown");
  private volatile Storybot storybot;

  @Option(names = "--socket-mode", description = "Receive Slack's events over a WebSocket that storybot opens (needs"
      + " SLACK_APP_TOKEN; no public URL; SLACK_SIGNING_SECRET not needed). /healthz and /metrics stay on PORT.")
  boolean socketMode;

  public ServeCommand() {
    this(System.getenv());
  }

  ServeCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    try {
      // Every problem at once: malformed values, missing ones, and the folders and files the settings name.
      Config.Parsed parsed = Config.parse(env);
      Config config = parsed.config();
      List<String> problems = new ArrayList<>(parsed.problems());
      problems.addAll(config.missingForServe(socketMode));
      problems.addAll(Storybot.problems(config));
      if (!problems.isEmpty()) throw new ConfigException(problems);
      log.info("Starting with {}", config);
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      storybot = Storybot.start(config, Storybot.Options.serve(socketMode));
    } catch (ConfigException e) {
      removeHook();
      throw new ExitCodes.UserException(e.getMessage());
    } catch (Exception | Error e) {
      removeHook();
      throw e;
    }
    started.countDown();
    storybot.join();
    return ExitCodes.OK;
  }

  /** Waits until the server listens and returns its port; for tests. */
  int awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
    if (!started.await(timeout, unit)) throw new IllegalStateException("serve did not start within " + timeout + " " + unit);
    return storybot.port();
  }

  /** Stops gracefully; also run by the JVM's shutdown hook (SIGTERM, Ctrl-C). */
  void stop() {
    removeHook();
    Storybot s = storybot;
    if (s != null) s.close();
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Already shutting down (we are the hook), or never registered: nothing to undo.
    }
  }
}
