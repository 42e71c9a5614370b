package dev.storybot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Slack listener, registered in one table: each reads the request, filters it (bots, retries, rate limits),
 * hands the work to the worker pool and acknowledges at once, so Slack hears back well within its 3 seconds.
 */
final class Listeners {

  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  /** Runs work on the bounded worker pool, naming it for logs. */
  @FunctionalInterface
  interface Pool {
    void submit(String what, Runnable work);
  }

  private final Questions questions;
  private final StoryListing listing;
  private final HomeTab home;
  private final FeedbackClicks feedback;
  private final ReplyRenderer renderer;
  private final EventDeduplicator dedup;
  private final RateLimiter limiter;
  private final ChannelSettingsFile settings;
  private final Pool pool;

  Listeners(Questions questions, StoryListing listing, HomeTab home, FeedbackClicks feedback, ReplyRenderer renderer,
      EventDeduplicator dedup, RateLimiter limiter, ChannelSettingsFile settings, Pool pool) {
    this.questions = questions;
    this.listing = listing;
    this.home = home;
    this.feedback = feedback;
    this.renderer = renderer;
    this.dedup = dedup;
    this.limiter = limiter;
    this.settings = settings;
    this.pool = pool;
  }

  /** The table: every event, command, shortcut and button the app answers. */
  void register(App app) {
    app.event(AppMentionEvent.class, (payload, ctx) -> {
      mention(payload.getEvent(), payload.getEventId(), ctx.getBotUserId());
      return ctx.ack();
    });
    app.event(MessageEvent.class, (payload, ctx) -> {
      message(Said.of(payload.getEvent()), payload.getEventId(), ctx.getBotUserId());
      return ctx.ack();
    });
    // A person's message with a file attached, or a thread reply also sent to the conversation: Bolt routes these
    // by subtype, apart from plain messages, and would otherwise auto-ack them unread. Other subtypes (edits,
    // joins, bot messages) are still acknowledged and ignored.
    app.event(MessageFileShareEvent.class, (payload, ctx) -> {
      message(Said.of(payload.getEvent()), payload.getEventId(), ctx.getBotUserId());
      return ctx.ack();
    });
    app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
      message(Said.of(payload.getEvent()), payload.getEventId(), ctx.getBotUserId());
      return ctx.ack();
    });
    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      AppHomeOpenedEvent e = payload.getEvent();
      // Slack sends this for the Messages tab too; only the Home tab has a view to publish.
      if ("home".equals(e.getTab()) && e.getUser() != null) pool.submit("app_home_opened", () -> home.publish(e.getUser()));
      return ctx.ack();
    });
    app.command(SlackIds.COMMAND, (req, ctx) -> {
      String question = SlackText.question(req.getPayload().getText());
      String channel = req.getPayload().getChannelId();
      if (question.isEmpty() || question.equalsIgnoreCase("help")) {
        Reply usage = renderer.usage();
        return ctx.ack(r -> r.responseType("ephemeral").text(usage.text()).blocks(usage.blocks()));
      }
      if (limited(SlackIds.COMMAND, channel, req.getPayload().getUserId(), null)) {
        return ctx.ack(r -> r.responseType("ephemeral").text(Questions.SLOW_DOWN));  // costs no Web API call
      }
      // Ack empty at once and answer through response_url: the 3 s budget then never depends on the search,
      // a cold index, GC or the network, and `/story` and "Share" take the same path.
      String responseUrl = ctx.getResponseUrl();
      Optional<String> listFilters = StoryListing.filtersOf(question);
      if (listFilters.isPresent()) {
        pool.submit(SlackIds.COMMAND + " list", () -> listing.show(responseUrl, new StoryListing.Page(0, listFilters.get()), false));
      } else {
        pool.submit(SlackIds.COMMAND, () -> questions.command(responseUrl, channel, question));
      }
      return ctx.ack();
    });
    app.messageShortcut(SlackIds.FIND_SHORTCUT, (req, ctx) -> {
      var p = req.getPayload();
      String question = SlackText.question(p.getMessage() == null ? null : p.getMessage().getText());
      String channel = p.getChannel() == null ? null : p.getChannel().getId();
      pool.submit("shortcut", () -> questions.aboutMessage(p.getResponseUrl(), channel, question));
      return ctx.ack();
    });
    Clicks clicks = new Clicks(app);
    clicks.on(Pattern.quote(SlackIds.SHARE), (req, ctx) -> {
      String user = req.getPayload().getUser().getId();
      String responseUrl = ctx.getResponseUrl();
      Ask.fromValue(value(req.getPayload())).ifPresentOrElse(
          ask -> pool.submit("share", () -> questions.share(responseUrl, ask, user)), () -> outdated(responseUrl));
      return ctx.ack();
    });
    clicks.on(Pattern.quote(SlackIds.MORE), (req, ctx) -> {
      Destination to = Destination.ofClick(req.getPayload(), ctx.getResponseUrl());
      Ask.fromValue(value(req.getPayload())).ifPresentOrElse(
          ask -> pool.submit("more", () -> questions.answer(ask, to)), () -> outdated(ctx.getResponseUrl()));
      return ctx.ack();
    });
    clicks.on(SlackIds.LIST_PAGE + "_(newer|older)", (req, ctx) -> {
      String responseUrl = ctx.getResponseUrl();
      StoryListing.Page.fromValue(value(req.getPayload())).ifPresentOrElse(
          page -> pool.submit("list page", () -> listing.show(responseUrl, page, true)), () -> outdated(responseUrl));
      return ctx.ack();
    });
    clicks.on(SlackIds.FEEDBACK_UP + "|" + SlackIds.FEEDBACK_DOWN, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String channel = p.getChannel() != null ? p.getChannel().getId()
          : p.getContainer() != null ? p.getContainer().getChannelId() : null;
      String responseUrl = ctx.getResponseUrl();
      FeedbackValue.read(value(p)).ifPresentOrElse(click -> pool.submit("feedback",
          () -> feedback.click(click, p.getUser().getId(), channel, responseUrl, p.getMessage())),
          () -> outdated(responseUrl));
      return ctx.ack();
    });
    // Last: every other action_id — a button of an older message, or of an older version of the bot. Without this,
    // Bolt answers 404 and Slack shows the clicker an error; instead they are told to ask again.
    clicks.otherwise((req, ctx) -> {
      log.info("A click on a button this version does not handle (action_id {}); told the clicker to ask again",
          SlackText.truncate(String.valueOf(req.getPayload().getActions().get(0).getActionId()), 60));
      outdated(ctx.getResponseUrl());
      return ctx.ack();
    });
  }

  /**
   * Registers block actions by action_id pattern, remembering them, so that {@link #otherwise} can catch exactly the
   * rest: Bolt keeps its patterns in a hash map and tries them in no set order, so a catch-all must exclude the others.
   */
  private static final class Clicks {
    private final App app;
    private final List<String> patterns = new ArrayList<>();

    Clicks(App app) {
      this.app = app;
    }

    void on(String actionIdPattern, BlockActionHandler handler) {
      patterns.add(actionIdPattern);
      app.blockAction(Pattern.compile(actionIdPattern), handler);
    }

    void otherwise(BlockActionHandler handler) {
      app.blockAction(Pattern.compile("(?!(?:" + String.join("|", patterns) + ")$).*", Pattern.DOTALL), handler);
    }
  }

  // A button whose value this version cannot read, or whose action it does not know: privately, "ask again".
  private void outdated(String responseUrl) {
    if (responseUrl != null) pool.submit("outdated button", () -> questions.outdatedButton(responseUrl));
  }

  private void mention(AppMentionEvent e, String eventId, String botUserId) {
    boolean fromPerson = e.getBotId() == null && !Objects.equals(e.getUser(), botUserId);
    String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
    if (!fromPerson || !dedup.firstTime(eventId)
        || limited("app_mention", e.getChannel(), e.getUser(), () -> questions.slowDown(e.getChannel(), thread))) {
      log.debug("Skipped app_mention {}", eventId);
      return;
    }
    String question = SlackText.question(e.getText());
    pool.submit("app_mention", () -> {
      if (question.isEmpty()) questions.hint(e.getChannel(), thread);
      else questions.inThread(e.getChannel(), e.getTs(), thread, question, e.getUser());
    });
  }

  /** What a message event says, whichever of the message classes Bolt parsed it into. */
  private record Said(String channel, String channelType, String user, String botId, String text, String ts,
                      String threadTs) {
    static Said of(MessageEvent e) {
      return new Said(e.getChannel(), e.getChannelType(), e.getUser(), e.getBotId(), e.getText(), e.getTs(), e.getThreadTs());
    }

    static Said of(MessageFileShareEvent e) {
      return new Said(e.getChannel(), e.getChannelType(), e.getUser(), null, e.getText(), e.getTs(), e.getThreadTs());
    }

    static Said of(MessageThreadBroadcastEvent e) {
      return new Said(e.getChannel(), e.getChannelType(), e.getUser(), null, e.getText(), e.getTs(), e.getThreadTs());
    }
  }

  // Plain messages, files shared with a message, and thread replies also sent to the conversation.
  private void message(Said e, String eventId, String botUserId) {
    boolean fromPerson = e.botId() == null && e.user() != null && !e.user().equals(botUserId);
    if (!fromPerson) return;
    if ("im".equals(e.channelType())) {
      if (dedup.firstTime(eventId)
          && !limited("message.im", e.channel(), e.user(), () -> questions.slowDown(e.channel(), e.threadTs()))) {
        String question = SlackText.question(e.text());
        pool.submit("message.im", () -> {
          if (question.isEmpty()) questions.hint(e.channel(), e.threadTs());
          else questions.inDm(e.channel(), e.threadTs(), question);
        });
      }
    } else if (untaggedQuestion(e, botUserId) && dedup.firstTime(eventId)
        && !limited("message.channels", e.channel(), e.user(), null)) {  // untagged: over the limit, no notice
      String question = SlackText.question(e.text());
      String thread = e.threadTs() != null ? e.threadTs() : e.ts();
      pool.submit("message.channels", () -> questions.inThread(e.channel(), e.ts(), thread, question, e.user()));
    }
  }

  // A question (it ends with "?") in a channel that lets the bot answer untagged ones; mentions come as app_mention.
  private boolean untaggedQuestion(Said e, String botUserId) {
    if (!"channel".equals(e.channelType()) && !"group".equals(e.channelType())) return false;
    String text = e.text() == null ? "" : e.text().strip();
    if (!text.endsWith("?") || (botUserId != null && text.contains("<@" + botUserId))) return false;
    return settings.of(e.channel()).untagged();
  }

  /**
   * True when {@code user} (or everyone together) is over the {@link RateLimiter}'s limit — the channel's own
   * {@code rate_limit_per_minute} where its settings give one: the question is dropped before it costs a search, and
   * {@code tell} (unless null) runs on a worker, once until the user may ask again.
   */
  private boolean limited(String what, String channel, String user, Runnable tell) {
    Integer channelLimit = settings.of(channel).rateLimitPerMinute();
    RateLimiter.Decision d = channelLimit == null ? limiter.tryAcquire(user) : limiter.tryAcquire(user, channelLimit);
    if (d == RateLimiter.Decision.LIMITED_TELL) {
      log.info("Rate limit: refused a {} from {} and told them; further ones stay quiet until they may ask again", what, user);
      if (tell != null) pool.submit(what + " slow-down notice", tell);
    }
    return d.limited();
  }

  private static String value(BlockActionPayload p) {
    return p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
  }
}
