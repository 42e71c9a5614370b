package dev.storybot.app;

import dev.storybot.answer.Answer;
import dev.storybot.answer.AnswerObserver;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.answer.Texts;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.index.IndexFolder;
import dev.storybot.index.IndexStats;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.SentenceVectors;
import dev.storybot.metrics.Metrics;
import dev.storybot.search.Shelf;
import dev.storybot.server.SocketModeConnection;
import dev.storybot.server.StorybotServer;
import dev.storybot.slack.StorybotApp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the whole bot from {@link Config} — shelf, answerer, Slack app, HTTP server (or
 * Socket Mode), live reload, metrics — and closes it in reverse order. `serve` (also as `bench` runs it, in a child
 * JVM) and the tests use it.
 */
public final class Storybot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Storybot.class);

  /** Opens the shelf to answer from; by default {@link Shelves#open(Config)}. */
  @FunctionalInterface
  public interface ShelfSource {
    Shelves.Opened open() throws IOException;
  }

  /**
   * How to run beyond {@link Config}.
   *
   * @param socketMode receive Slack's events over Socket Mode instead of /slack/events
   * @param tuning answering threads, their queue, the journal's bound and how replies are sent
   * @param shelf where the stories come from, or null for what {@code Config} names
   * @param meaning the embedding model to answer with (its owner closes it), or null to load the one {@code Config}
   *     asks for ({@code SEMANTIC})
   */
  public record Options(boolean socketMode, StorybotApp.Tuning tuning, ShelfSource shelf, Meaning meaning) {
    /** The defaults of `serve`. */
    public static Options serve(boolean socketMode) {
      return new Options(socketMode, StorybotApp.Tuning.standard(), null, null);
    }
  }

  private final Metrics metrics = new Metrics().bindJvm();
  private final ShelfGate gate = new ShelfGate();
  private final Config config;
  private final Options options;
  private final Answerer answerer;
  private SharedDatabase shared;
  private StorybotApp bot;
  private Server server;
  private final Meaning meaning;
  private final boolean ownMeaning;
  private volatile LiveStories live;
  private volatile MeaningPass pass;
  private EmbeddingStore vectors;
  private SentenceVectors source;
  private final AtomicInteger embedded = new AtomicInteger();
  private final AtomicInteger toEmbed = new AtomicInteger();
  private SocketModeConnection socket;
  private boolean closed;

  private Storybot(Config config, Options options) {
    this.config = config;
    this.options = options;
    this.ownMeaning = options.meaning() == null;
    this.meaning = ownMeaning ? Meaning.of(config.semantic()) : options.meaning();
    this.answerer = new ShelfAnswerer(gate, meaning.embedder(), new AnswerObserver() {
      @Override
      public void answered(Answer answer, long nanos) {
        metrics.answer(answer.answered(), nanos);
      }

      @Override
      public void failed(RuntimeException error) {
        metrics.answerFailed();
      }
    });
  }

  /**
   * Starts the bot: {@link #listen} then {@link #load}. A problem the operator can fix is a {@link ConfigException}
   * saying what to do; whatever was started by then is stopped again.
   */
  public static Storybot start(Config config, Options options) throws Exception {
    Storybot s = listen(config, options);
    try {
      return s.load();
    } catch (Exception | Error e) {
      s.close();
      throw e;
    }
  }

  /**
   * What is wrong with the folders and files {@code config} names (STORIES_DIR, INDEX_DIR, FEEDBACK_DIR,
   * CHANNELS_CONFIG), one sentence each; empty when nothing is. {@link #listen} refuses to start with any.
   */
  public static List<String> problems(Config config) {
    return Preflight.problems(config);
  }

  /**
   * The first half of {@link #start}: checks the bot token with Slack and listens, answering 503 while the stories
   * are not loaded yet.
   */
  public static Storybot listen(Config config, Options options) throws Exception {
    List<String> problems = problems(config);
    if (!problems.isEmpty()) throw new ConfigException(problems);
    Storybot s = new Storybot(config, options);
    try {
      s.startListening();
      return s;
    } catch (Exception | Error e) {
      s.close();
      throw e;
    }
  }

  private void startListening() throws Exception {
    // With DATABASE_URL, what replicas must agree on lives in PostgreSQL; otherwise in this process's memory.
    shared = SharedDatabase.open(config, options.tuning().pending(), gate, metrics);
    bot = new StorybotApp(config, answerer, gate, options.tuning(), metrics, shared.state());
    gate.watchSlack(bot::degraded, bot::health);
    bot.start();  // auth.test: a wrong token or an unreachable Slack fails here, not at the first question
    server = StorybotServer.createServer(config.port(),
        new StorybotServer.Deps(options.socketMode() ? null : bot.app(), gate, metrics, shared.signatures()));
    try {
      server.start();
    } catch (IOException e) {
      throw new ConfigException("cannot listen on port " + config.port() + " (" + e.getMessage()
          + "): set " + Config.PORT + " to a free port");
    }
    log.info("Listening on port {}; loading the stories", port());
  }

  /** The second half of {@link #start}: opens the shelf, then the gate, live reload and Socket Mode. */
  public Storybot load() throws Exception {
    Shelves.Opened opened = options.shelf() != null ? options.shelf().open()
        : Shelves.open(config, shared.rebuildLock());
    gate.open(opened.shelf(), this::health);  // closed by close() from here on
    boolean embedFirst = addMeaning(opened);
    if (opened.index() != null) {
      live = LiveStories.start(config, opened.index(), opened.load(), metrics, embedFirst);
    }
    if (embedFirst && live == null) {
      if (opened.load() != null && opened.index() instanceof StoryIndex index) {
        pass = MeaningPass.start(index, opened.load().stories(), source);
      } else {
        log.warn("{} has no vectors of {}: answering by words alone. Rebuild it with `storybot index --stories DIR`{}"
            + " (or set {} to its stories folder) to answer by meaning too",
            config.solr() != null ? "The Solr alias " + config.solr().collection() : "The index in " + config.indexDir(),
            meaning.embedder().modelId(), config.solr() != null ? " (with " + Config.SOLR_URL + " set)" : "",
            Config.STORIES_DIR);
      }
    }
    metrics.index(() -> stats().stories(), () -> stats().paragraphs(), () -> stats().generation());
    if (options.socketMode()) connectSocket(config);  // after the shelf is in: envelopes are answered as they arrive
    IndexStats s = stats();
    log.info("storybot is answering from {} ({}) {}", Texts.count(s.stories(), "story", "stories"),
        Texts.count(s.paragraphs(), "paragraph", "paragraphs"),
        options.socketMode() ? "over Socket Mode; health and metrics on port " + port()
            : "at http://0.0.0.0:" + port() + StorybotServer.EVENTS_PATH);
    return this;
  }

  // Rebuilds and reloads (of the embedded index or the Solr alias) embed new text from here on, into a store in
  // INDEX_DIR (else in memory). True when the shelf lacks this model's vectors, so that a first rebuild must add them
  // (meanwhile answers go by words).
  private boolean addMeaning(Shelves.Opened opened) throws IOException {
    if (!meaning.on()) return false;
    if (opened.index() != null) {
      vectors = config.indexDir() != null
          ? EmbeddingStore.open(config.indexDir().resolve(IndexFolder.VECTORS), meaning.embedder())
          : EmbeddingStore.inMemory();
      source = meaning.vectors(vectors, (done, total) -> {
        embedded.set(done);
        toEmbed.set(total);
      });
      opened.index().embedWith(source);
    }
    return !meaning.embedder().modelId().equals(stats().model());
  }

  // What /healthz adds to the counts: the last reload, and whether answers use meaning yet.
  private Map<String, Object> health() {
    Map<String, Object> more = new LinkedHashMap<>();
    LiveStories l = live;
    if (l != null) more.put("reload", l.health());
    if (!meaning.on()) {
      more.put("meaning", Map.of("state", "off"));
    } else if (meaning.embedder().modelId().equals(stats().model())) {
      more.put("meaning", Map.of("state", "on"));
    } else if (toEmbed.get() > 0 || pass != null || live != null) {
      // Answers go by words until the rebuild with vectors is in.
      more.put("meaning", Map.of("state", "embedding", "embedded", embedded.get(), "of", toEmbed.get()));
    } else {
      more.put("meaning", Map.of("state", "words only"));
    }
    return more;
  }

  private void connectSocket(Config config) {
    try {
      socket = SocketModeConnection.connect(bot.app(), config.appToken());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Slack did not accept " + Config.SLACK_APP_TOKEN + " (" + e.getMessage()
          + ") at " + config.slackApiUrl() + ": check the app-level token (xapp-…, scope connections:write) under"
          + " \"Basic Information\" → \"App-Level Tokens\", and that Socket Mode is enabled for the app");
    }
  }

  private IndexStats stats() {
    return gate.get().read(Shelf.Snapshot::stats);
  }

  /** The one question path, as Slack's surfaces use it. */
  public Answerer answerer() {
    return answerer;
  }

  /** What the bot counts, as /metrics serves it. */
  public Metrics metrics() {
    return metrics;
  }

  /** The port the HTTP server listens on. */
  public int port() {
    return StorybotServer.port(server);
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops gracefully: no new requests, requests in flight finish, then answers in progress, then the shelf. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    long start = System.nanoTime();
    log.info("Stopping");
    if (socket != null) socket.close();  // Slack sends nothing more over the socket
    try {
      if (server != null) server.stop();
    } catch (Exception e) {
      log.warn("Stopping the HTTP server failed: {}", e.toString());
    }
    long httpStopped = System.nanoTime();
    if (bot != null) bot.close();
    if (pass != null) pass.close();
    if (live != null) live.close();  // a reload in progress finishes before the index closes
    Shelf shelf = gate.opened();
    if (shelf != null) {
      try {
        shelf.close();
      } catch (RuntimeException e) {
        log.warn("Closing the shelf failed: {}", e.toString());
      }
    }
    try {
      if (vectors != null) vectors.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Closing the embedding store failed: {}", e.toString());
    }
    if (ownMeaning) meaning.close();
    if (shared != null) shared.close();  // after the bot handed its questions over, and reloads let go of the lock
    metrics.close();
    log.info("Stopped in {} ms (HTTP {} ms, answers in progress and the index {} ms)", millis(start),
        (httpStopped - start) / 1_000_000, millis(httpStopped));
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

}
