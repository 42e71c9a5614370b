package dev.storybot.testing;

import dev.storybot.app.Shelves;
import dev.storybot.app.Storybot;
import dev.storybot.config.Config;
import dev.storybot.config.RateLimits;
import dev.storybot.metrics.Metrics;
import dev.storybot.search.Shelf;
import dev.storybot.slack.StorybotApp;
import dev.storybot.slack.DeliveryPolicy;
import dev.storybot.story.Story;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole bot for a test, built by the real {@link Storybot} composition root: an index of the fixture stories
 * (or others), the Bolt app and Jetty on a free loopback port, and Slack's Web API played by a {@link SlackApiStub};
 * requests are signed as Slack signs them. Register it and every test gets a fresh bot, closed afterwards with its
 * temporary folder:
 *
 * <pre>{@code @RegisterExtension final SlackBot bot = SlackBot.builder().build();}</pre>
 *
 * or, for one test, {@code try (SlackBot bot = SlackBot.builder().loading().start()) {…}}.
 */
public final class SlackBot extends SlackClient implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

  public static final String SECRET = "test-signing-secret";
  public static final String TOKEN = "xoxb-test-token";
  /**
   * Replies one at a time, as quickly as Slack allows: one answering thread and one call on the wire, so replies
   * come in the order questions were asked and a later reply proves an earlier silence. Retries from 100 ms, at
   * most 2 s apart, for 30 s.
   */
  public static final DeliveryPolicy DELIVERY = new DeliveryPolicy(1, Duration.ofSeconds(10), Duration.ofMillis(100),
      Duration.ofSeconds(2), Duration.ofSeconds(30), 5, Duration.ofSeconds(2), Duration.ofSeconds(5));
  /** One answering thread, 50 waiting, 30 s of wait, 1,000 pending; {@link #DELIVERY}. */
  public static final StorybotApp.Tuning TUNING = new StorybotApp.Tuning(1, 50, Duration.ofSeconds(30), 1_000, DELIVERY);

  private final Builder settings;
  private Path dir;
  private SlackApiStub stub;
  private List<Story> stories;
  private Storybot storybot;

  private SlackBot(Builder settings) {
    super(SECRET);
    this.settings = settings;
  }

  /** A bot over the fixture stories, one worker, default rate limits, no channel settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** What the bot runs with. */
  public static final class Builder {
    private List<Story> stories;
    private Shelf shelf;
    private StorybotApp.Tuning tuning = TUNING;
    private RateLimits limits = RateLimits.DEFAULT;
    private String channels;
    private boolean load = true;

    private Builder() {}

    /** Answers from an in-memory index of {@code stories} instead of the {@link Fixtures}. */
    public Builder stories(List<Story> stories) {
      this.stories = List.copyOf(stories);
      return this;
    }

    /** Answers from {@code shelf} (e.g. one that fails, for the internal-error reply); the bot closes it. */
    public Builder shelf(Shelf shelf) {
      this.shelf = shelf;
      return this;
    }

    /** Other worker, queue and retry settings than {@link #TUNING}. */
    public Builder tuning(StorybotApp.Tuning tuning) {
      this.tuning = tuning;
      return this;
    }

    /** Other rate limits than the defaults. */
    public Builder rateLimits(RateLimits limits) {
      this.limits = limits;
      return this;
    }

    /** Per-channel settings: {@code yaml} written to {@link SlackBot#channelsFile()}, CHANNELS_CONFIG. */
    public Builder channels(String yaml) {
      this.channels = yaml;
      return this;
    }

    /** Listens but never loads the stories: /healthz and /slack/events answer 503. */
    public Builder loading() {
      this.load = false;
      return this;
    }

    /** The bot, to register as an extension: it starts before each test. */
    public SlackBot build() {
      return new SlackBot(this);
    }

    /** The bot, started now: close it yourself. */
    public SlackBot start() throws Exception {
      return build().start();
    }
  }

  /** Starts the bot in a new temporary folder; what was started is closed again when a step fails. */
  public SlackBot start() throws Exception {
    if (storybot != null) throw new IllegalStateException("already started");
    try {
      dir = Files.createTempDirectory("storybot-test");
      stub = SlackApiStub.start();
      stories = settings.stories != null ? settings.stories : Fixtures.stories(dir.resolve("stories"));
      Path channelsFile = null;
      if (settings.channels != null) channelsFile = Files.writeString(channelsFile(), settings.channels);
      // The feedback log goes to the bot's own folder, never the working directory's feedback/.
      Config config = new Config(SECRET, TOKEN, 0, null, null, stub.apiUrl(), null, feedbackDir(), channelsFile,
          settings.limits, null, true);
      Storybot.ShelfSource shelf = settings.shelf != null ? () -> new Shelves.Opened(settings.shelf, null, null)
          : () -> TestMeaning.opened(stories);
      Storybot.Options options = new Storybot.Options(false, settings.tuning, shelf, TestMeaning.shared());
      storybot = settings.load ? Storybot.start(config, options) : Storybot.listen(config, options);
      return this;
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public SlackApiStub stub() {
    return stub;
  }

  @Override
  public int port() {
    return storybot.port();
  }

  /** The stories the bot answers from. */
  public List<Story> stories() {
    return stories;
  }

  /** What the bot counts, as /metrics serves it. */
  public Metrics metrics() {
    return storybot.metrics();
  }

  /** Where 👍/👎 clicks are logged (FEEDBACK_DIR). */
  public Path feedbackDir() {
    return dir.resolve("feedback");
  }

  /** The per-channel settings file (CHANNELS_CONFIG), when the bot was built with {@link Builder#channels}. */
  public Path channelsFile() {
    return dir.resolve("channels.yml");
  }

  /** Replies given up for good since start (out of time or uses, a 4xx, shutdown), as /metrics counts them. */
  public double gaveUp() {
    return new Scrape(metrics().scrape()).sum("storybot_slack_api_gave_up_total");
  }

  /**
   * Scrapes /metrics until {@code test} holds and returns that scrape: for what the bot counts after the stub has
   * answered (a give-up, a retry). Each look is an HTTP request, so the wait is paced by the server.
   *
   * @throws AssertionError when it does not hold within {@code deadline}, with the last scrape
   */
  public Scrape awaitMetrics(java.util.function.Predicate<Scrape> test, Duration deadline) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      Scrape m = new Scrape(get(dev.storybot.server.StorybotServer.METRICS_PATH).body());
      if (test.test(m)) return m;
      if (System.nanoTime() > end) throw new AssertionError("/metrics never got there within " + deadline + ":\n" + m.text());
      Thread.onSpinWait();
    }
  }

  /** Stops the bot and the stub and deletes the folder; the bot can be started again. */
  @Override
  public void close() {
    if (storybot != null) storybot.close();
    if (stub != null) stub.close();
    storybot = null;
    stub = null;
    if (dir != null) delete(dir);
    dir = null;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
