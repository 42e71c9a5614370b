package dev.storybot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.storybot.answer.Answerer;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.feedback.FeedbackLog;
import dev.storybot.metrics.Metrics;
import dev.storybot.search.Shelf;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of the bot: the Bolt app with every {@link Listeners listener}, the {@link Answering answering
 * threads} that answer off the acknowledging thread, the {@link Courier} that takes replies to Slack, and the
 * journal of {@link PendingQuestions questions} acknowledged and not yet replied to. A slow search never delays an
 * ack, and a slow or failing Slack never holds an answering thread.
 */
public final class StorybotApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StorybotApp.class);
  /** auth.test's budget at start: Slack answers in well under a second, or is in trouble. */
  private static final Duration AUTH_TEST_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How much the bot takes on.
   *
   * @param workers threads answering questions (the work is CPU: about one per core)
   * @param queue questions waiting for a thread; beyond it the asker is told the bot is busy
   * @param maxWait how long a question may wait for a thread before it is told, not answered
   * @param pending questions acknowledged and not yet replied to, at most; beyond it requests are refused before
   *     they are acknowledged
   * @param delivery how replies are sent and retried
   */
  public record Tuning(int workers, int queue, Duration maxWait, int pending, DeliveryPolicy delivery) {
    public Tuning {
      if (workers < 1 || queue < 1 || pending < 1) {
        throw new IllegalArgumentException("workers, queue and pending must be at least 1, got " + workers + ", "
            + queue + ", " + pending);
      }
    }

    /** A thread per core (at least 2), 200 waiting, 10 s of wait, 2,000 pending, {@link DeliveryPolicy#standard()}. */
    public static Tuning standard() {
      return new Tuning(Math.max(2, Runtime.getRuntime().availableProcessors()), 200, Duration.ofSeconds(10), 2_000,
          DeliveryPolicy.standard());
    }
  }

  private final App app;
  private final Slack slack;
  private final Courier courier;
  private final Answering answering;
  private final Metrics metrics;
  private final String apiUrl;

  /**
   * Builds the Bolt app answering with {@code answerer} and listing {@code shelf}'s stories, counting into
   * {@code metrics}. Makes no network call: {@link #start()} makes the first.
   */
  public StorybotApp(Config config, Answerer answerer, Supplier<Shelf> shelf, Tuning tuning, Metrics metrics) {
    this.metrics = metrics;
    this.apiUrl = config.slackApiUrl();
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setStatsEnabled(false);  // otherwise the SDK makes its own extra auth.test calls
    slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
    // The SDK's own client makes one call, auth.test at start; every reply goes through the courier.
    int timeoutMillis = (int) AUTH_TEST_TIMEOUT.toMillis();
    slackConfig.setHttpClientReadTimeoutMillis(timeoutMillis);
    slackConfig.setHttpClientWriteTimeoutMillis(timeoutMillis);
    slackConfig.setHttpClientCallTimeoutMillis(timeoutMillis);
    this.slack = Slack.getInstance(slackConfig);
    this.app = new App(AppConfig.builder()
        .signingSecret(config.signingSecret())
        // The server's SlackRequestGuard checks the signature before Bolt runs: in constant time, over the raw
        // bytes, both sides of now. Bolt's own check (String.equals, platform charset) would only add a weaker one.
        .requestVerificationEnabled(false)
        .singleTeamBotToken(config.botToken())
        .slack(slack)
        .subtypedMessageEventsAutoAckEnabled(true)  // edits, joins, bot_message…: ack and ignore
        // Keep start()'s auth.test for good: by default Bolt repeats it every 10 minutes inside a request, on the ack path.
        .authTestCacheExpirationMillis(-1)
        // Bolt's own self-filter may call bots.info while Slack waits for the ack; our listeners filter instead.
        .ignoringSelfEventsEnabled(false)
        .build());
    this.courier = new Courier(config.slackApiUrl(), config.botToken(), tuning.delivery(), metrics);
    PendingQuestions journal = new MemoryPendingQuestions(tuning.pending());
    this.answering = new Answering(tuning.workers(), tuning.queue(), tuning.maxWait(), journal, courier, metrics);
    metrics.backlog(journal::pending, () -> journal.oldest().map(StorybotApp::secondsSince).orElse(0.0),
        answering::waiting, courier::backlog, courier::oldestSeconds, courier::inFlight);

    ReplyRenderer renderer = new ReplyRenderer();
    ChannelSettingsFile settings = new ChannelSettingsFile(config.channelsConfig());
    Questions questions = new Questions(answerer, renderer, ThreadMemory.standard(), settings);
    FeedbackClicks feedback = new FeedbackClicks(new FeedbackLog(config.feedbackDir()), questions, renderer,
        Clock.systemUTC());
    RateLimiter limiter = new RateLimiter(config.rateLimits().perUserPerMinute(), config.rateLimits().globalPerSecond());
    Listeners.Pool pool = new Listeners.Pool() {
      @Override
      public Answering.Admission submit(Job job, boolean ackCanTell) {
        return answering.submit(job, ackCanTell);
      }

      @Override
      public boolean slackFailing() {
        return courier.degraded();
      }
    };
    new Listeners(questions, new StoryListing(shelf), new HomeTab(shelf), feedback, renderer,
        EventDeduplicator.standard(), limiter, settings, pool).register(app);
  }

  /** The Bolt app, for the servlet and Socket Mode. */
  public App app() {
    return app;
  }

  /**
   * Checks the bot token with auth.test and readies the app.
   *
   * @throws ConfigException when Slack cannot be reached or refuses the token, saying which and what to check
   */
  public StorybotApp start() {
    try {
      app.start();
    } catch (IllegalArgumentException e) {
      throw StartFailure.explain(slack, app.config().getSingleTeamBotToken(), apiUrl, e);
    }
    app.use(new RequestLog(metrics));  // after start(): use() before it would build Bolt's middleware, calling auth.test
    app.use(new Refusals());  // inside RequestLog, which so logs and counts a refusal's 503
    return this;
  }

  /** True while Slack fails to take replies: /healthz says "degraded". */
  public boolean degraded() {
    return courier.degraded();
  }

  /** /healthz's "slack": status, backlog, and what is failing. */
  public Map<String, Object> health() {
    return courier.health();
  }

  /** Lets answers in progress finish (up to 10 s), gives their replies time to go out, then releases the clients. */
  @Override
  public void close() {
    answering.close();
    courier.close();
    app.stop();
    try {
      slack.close();
    } catch (Exception e) {
      log.debug("Closing the Slack client failed", e);
    }
  }

  private static double secondsSince(Instant t) {
    return Duration.between(t, Instant.now()).toMillis() / 1000.0;
  }
}
