package dev.storybot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import dev.storybot.answer.Answerer;
import dev.storybot.config.Config;
import dev.storybot.feedback.FeedbackLog;
import dev.storybot.metrics.Metrics;
import dev.storybot.search.StoryCatalog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where every Slack listener is registered. Each listener filters, hands the work to a bounded
 * worker pool and acknowledges at once, so a slow search or a slow Web API never delays the ack past Slack's 3 s.
 */
public final class StorybotApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StorybotApp.class);

  /** The slash command, as declared in manifest.yml. */
  public static final String COMMAND = "/story";
  /** Events API event types the app subscribes to, as declared in manifest.yml. */
  public static final List<String> EVENTS = List.of("app_mention", "message.im", "app_home_opened", "message.channels");
  /** Bot scopes the listeners need, as declared in manifest.yml. */
  public static final List<String> SCOPES = List.of(
      "app_mentions:read", "channels:history", "chat:write", "commands", "im:history", "im:read", "im:write",
      "reactions:write");

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
  private final WebApi api;
  private final ThreadPoolExecutor workers;
  private final AtomicLong dropped = new AtomicLong();
  private final Metrics metrics;
  private final StoryListing listing;
  private final ChannelSettingsFile settings;
  private final RateLimiter limiter;

  /** Builds the Bolt app counting into {@code metrics} (no network call yet: {@link #start()} makes the first). */
  public static StorybotApp create(Config config, Answerer answerer, StoryCatalog catalog, Metrics metrics) {
    return new StorybotApp(config, answerer, catalog, Tuning.standard(), metrics);
  }

  public StorybotApp(Config config, Answerer answerer, StoryCatalog catalog, Tuning tuning, Metrics metrics) {
    this.metrics = metrics;
    this.limiter = new RateLimiter(config.rateLimits().perUserPerMinute(), config.rateLimits().globalPerSecond());
    answerer = new MeteredAnswerer(answerer, metrics);
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
    this.api = new WebApi(slack, config.botToken(), tuning.retry(), metrics);
    this.workers = new ThreadPoolExecutor(tuning.workers(), tuning.workers(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(tuning.queue()), named("storybot-worker-"));
    ReplyRenderer renderer = new ReplyRenderer();
    this.settings = new ChannelSettingsFile(config.channelsConfig());
    Questions questions = new Questions(answerer, catalog, renderer, api, ThreadMemory.standard(), settings);
    this.listing = new StoryListing(catalog, api);
    register(questions, renderer, EventDeduplicator.standard());
    FeedbackClicks feedback = new FeedbackClicks(new FeedbackLog(config.feedbackDir()), questions, renderer, api,
        Clock.systemUTC());
    new Interactions(questions, feedback, new HomeTab(catalog, api), listing, this::submit).register(app);
  }

  private void register(Questions questions, ReplyRenderer renderer, EventDeduplicator dedup) {
    app.event(AppMentionEvent.class, (payload, ctx) -> {
      AppMentionEvent e = payload.getEvent();
      boolean fromPerson = e.getBotId() == null && !Objects.equals(e.getUser(), ctx.getBotUserId());
      String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
      if (fromPerson && dedup.firstTime(payload.getEventId())
          && !limited("app_mention", e.getChannel(), e.getUser(), () -> questions.slowDown(e.getChannel(), thread))) {
        String question = SlackText.question(e.getText());
        submit("app_mention", () -> {
          if (question.isEmpty()) questions.hint(e.getChannel(), thread);
          else questions.inThread(e.getChannel(), e.getTs(), thread, question, e.getUser());
        });
      } else {
        log.debug("Skipped app_mention {} (retry {})", payload.getEventId(), ctx.getRetryNum());
      }
      return ctx.ack();
    });

    app.event(MessageEvent.class, (payload, ctx) -> {
      MessageEvent e = payload.getEvent();
      // Subtyped messages never reach here: Bolt routes them apart and we auto-ack them.
      boolean fromPerson = e.getBotId() == null && e.getUser() != null && !e.getUser().equals(ctx.getBotUserId());
      if ("im".equals(e.getChannelType()) && fromPerson && dedup.firstTime(payload.getEventId())
          && !limited("message.im", e.getChannel(), e.getUser(), () -> questions.slowDown(e.getChannel(), e.getThreadTs()))) {
        String question = SlackText.question(e.getText());
        submit("message.im", () -> {
          if (question.isEmpty()) questions.hint(e.getChannel(), e.getThreadTs());
          else questions.inDm(e.getChannel(), e.getThreadTs(), question);
        });
      } else if (fromPerson && untaggedQuestion(e, ctx.getBotUserId()) && dedup.firstTime(payload.getEventId())
          && !limited("message.channels", e.getChannel(), e.getUser(), null)) {  // untagged: over the limit, no notice in the channel
        String question = SlackText.question(e.getText());
        String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
        submit("message.channels", () -> questions.inThread(e.getChannel(), e.getTs(), thread, question, e.getUser()));
      }
      return ctx.ack();
    });

    app.command(COMMAND, (req, ctx) -> {
      String question = SlackText.question(req.getPayload().getText());
      if (question.isEmpty() || question.equalsIgnoreCase("help")) {
        Reply usage = renderer.usage(COMMAND);
        return ctx.ack(r -> r.responseType("ephemeral").text(usage.text()).blocks(usage.blocks()));
      }
      if (limited(COMMAND, req.getPayload().getChannelId(), req.getPayload().getUserId(), null)) {
        return ctx.ack(r -> r.responseType("ephemeral").text(Questions.SLOW_DOWN));  // costs no Web API call
      }
      // Ack empty at once and answer through response_url: the 3 s budget then never depends on the search,
      // a cold index, GC or the network, and `/story` and "Share" take the same path.
      String responseUrl = ctx.getResponseUrl();
      Optional<String> listFilters = StoryListing.filtersOf(question);
      if (listFilters.isPresent()) {
        submit(COMMAND + " list", () -> listing.show(responseUrl, new StoryListing.Page(0, listFilters.get()), false));
      } else {
        String channel = req.getPayload().getChannelId();
        submit(COMMAND, () -> questions.command(responseUrl, channel, question));
      }
      return ctx.ack();
    });
  }

  // A question (it ends with "?") in a channel that lets the bot answer untagged ones; mentions come as app_mention.
  private boolean untaggedQuestion(MessageEvent e, String botUserId) {
    if (!"channel".equals(e.getChannelType()) && !"group".equals(e.getChannelType())) return false;
    String text = e.getText() == null ? "" : e.getText().strip();
    if (!text.endsWith("?") || (botUserId != null && text.contains("<@" + botUserId))) return false;
    return settings.of(e.getChannel()).untagged();
  }

  /**
   * True when {@code user} (or everyone together) is over the {@link RateLimiter}'s limit — the channel's own
   * {@code rate_limit_per_minute} where its settings give one: the question is dropped
   * before it costs a search, and {@code tell} (unless null) runs on a worker, once until the user may ask again.
   */
  private boolean limited(String what, String channel, String user, Runnable tell) {
    Integer channelLimit = settings.of(channel).rateLimitPerMinute();
    RateLimiter.Decision d = channelLimit == null ? limiter.tryAcquire(user) : limiter.tryAcquire(user, channelLimit);
    if (d == RateLimiter.Decision.LIMITED_TELL) {
      log.info("Rate limit: refused a {} from {} and told them; further ones stay quiet until they may ask again", what, user);
      if (tell != null) submit(what + " slow-down notice", tell);
    }
    return d.limited();
  }

  /** The flood control, for per-channel limits: {@link RateLimiter#tryAcquire(String, int)}. */
  public RateLimiter limiter() {
    return limiter;
  }

  /** The Bolt app, for the servlet. */
  public App app() {
    return app;
  }

  /** Web API calls, for tests and metrics: {@link WebApi#failures()}. */
  public WebApi api() {
    return api;
  }

  /** Questions dropped because every worker was busy and the queue full. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Checks the bot token with auth.test and readies the app.
   *
   * @throws IllegalArgumentException when Slack rejects the token or cannot be reached
   */
  public StorybotApp start() {
    app.start();
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
      dropped.incrementAndGet();
      metrics.dropped(what);
      log.warn("Dropped a {} request: all workers busy and the queue full", what);
    }
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(false);
      return t;
    };
  }
}
