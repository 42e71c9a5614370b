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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of the bot: the Bolt app with every {@link Listeners listener}, the Web API client and the bounded
 * worker pool that answers off the acknowledging thread, so a slow search or a slow Web API never delays an ack.
 */
public final class StorybotApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StorybotApp.class);

  /**
   * Sizes of the work queue and of Web API retries.
   *
   * @param workers threads answering questions
   * @param queue questions waiting beyond those being answered; more are dropped with a log line
   * @param retry Web API retry policy
   */
  public record Tuning(int workers, int queue, WebApi.Retry retry) {
    /** 4 workers, 200 waiting, {@link WebApi.Retry#standard()}. */
    public static Tuning standard() {
      return new Tuning(4, 200, WebApi.Retry.standard());
    }
  }

  private final App app;
  private final Slack slack;
  private final ThreadPoolExecutor workers;
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
    // One attempt's budget; WebApi retries a time-out a bounded number of times, on a worker thread.
    int timeoutMillis = (int) tuning.retry().timeout().toMillis();
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
    this.workers = new ThreadPoolExecutor(tuning.workers(), tuning.workers(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(tuning.queue()), named("storybot-worker-"));

    WebApi api = new WebApi(slack, config.botToken(), tuning.retry(), metrics);
    ReplyRenderer renderer = new ReplyRenderer();
    ChannelSettingsFile settings = new ChannelSettingsFile(config.channelsConfig());
    Questions questions = new Questions(answerer, renderer, api, ThreadMemory.standard(), settings);
    FeedbackClicks feedback = new FeedbackClicks(new FeedbackLog(config.feedbackDir()), questions, renderer, api,
        Clock.systemUTC());
    RateLimiter limiter = new RateLimiter(config.rateLimits().perUserPerMinute(), config.rateLimits().globalPerSecond());
    new Listeners(questions, new StoryListing(shelf, api), new HomeTab(shelf, api), feedback, renderer,
        EventDeduplicator.standard(), limiter, settings, this::submit).register(app);
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
    return this;
  }

  /** Lets answers in progress finish (up to 10 s), then releases the HTTP client. */
  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("{} answers still running at shutdown; abandoning them", workers.getActiveCount());
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    app.stop();
    try {
      slack.close();
    } catch (Exception e) {
      log.debug("Closing the Slack client failed", e);
    }
  }

  private void submit(String what, Runnable work) {
    try {
      workers.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          log.error("Handling {} failed", what, e);
        }
      });
    } catch (RejectedExecutionException e) {
      metrics.dropped(what);
      log.warn("Dropped a {} request: all workers busy and the queue full", what);
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(false);
      return t;
    };
  }
}
