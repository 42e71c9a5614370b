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
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Slack listener, registered in one table: each reads the request, filters it (bots, retries, rate limits),
 * hands a {@link Job} to the answering threads and acknowledges at once, so Slack hears back well within its 3
 * seconds. A request the bot has no room for is not acknowledged as if it would be answered: `/story` says so in
 * its acknowledgement; an event or a click is {@link Refusals refused} with 503 (Slack delivers an event again
 * later, and shows a click as failed).
 */
final class Listeners {

  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  /** The bounded answering threads, and whether Slack is taking replies. */
  interface Pool {
    /** Offers {@code job}; with {@code ackCanTell} a busy job is left for the acknowledgement to tell. */
    Answering.Admission submit(Job job, boolean ackCanTell);

    /** True while Slack fails to take replies: they wait and are retried. */
    boolean slackFailing();
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
      if (!mention(payload.getEvent(), payload.getEventId(), ctx.getBotUserId())) refuse(payload.getEventId());
      return ctx.ack();
    });
    app.event(MessageEvent.class, (payload, ctx) -> {
      if (!message(Said.of(payload.getEvent()), payload.getEventId(), ctx.getBotUserId())) refuse(payload.getEventId());
      return ctx.ack();
    });
    // A person's message with a file attached, or a thread reply also sent to the conversation: Bolt routes these
    // by subtype, apart from plain messages, and would otherwise auto-ack them unread. Other subtypes (edits,
    // joins, bot messages) are still acknowledged and ignored.
    app.event(MessageFileShareEvent.class, (payload, ctx) -> {
      if (!message(Said.of(payload.getEvent()), payload.getEventId(), ctx.getBotUserId())) refuse(payload.getEventId());
      return ctx.ack();
    });
    app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
      if (!message(Said.of(payload.getEvent()), payload.getEventId(), ctx.getBotUserId())) refuse(payload.getEventId());
      return ctx.ack();
    });
    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      AppHomeOpenedEvent e = payload.getEvent();
      // Slack sends this for the Messages tab too; only the Home tab has a view to publish.
      if ("home".equals(e.getTab()) && e.getUser() != null) pool.submit(home.publish(payload.getEventId(), e.getUser()), false);
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
      // Ack at once and answer through response_url: the 3 s budget then never depends on the search,
      // a cold index, GC or the network, and `/story` and "Share" take the same path. No room: say so in the ack.
      String responseUrl = ctx.getResponseUrl();
      Optional<String> listFilters = StoryListing.filtersOf(question);
      Job job = listFilters.isPresent()
          ? listing.show(SlackIds.COMMAND + " list", responseUrl, new StoryListing.Page(0, listFilters.get()), false)
          : questions.command(responseUrl, channel, question);
      if (pool.submit(job, true) == Answering.Admission.BUSY) {
        return ctx.ack(r -> r.responseType("ephemeral").text(Questions.BUSY));
      }
      return pool.slackFailing() ? ctx.ack(r -> r.responseType("ephemeral").text(Questions.SLACK_TROUBLE)) : ctx.ack();
    });
    app.messageShortcut(SlackIds.FIND_SHORTCUT, (req, ctx) -> {
      var p = req.getPayload();
      String question = SlackText.question(p.getMessage() == null ? null : p.getMessage().getText());
      String channel = p.getChannel() == null ? null : p.getChannel().getId();
      if (!taken(questions.aboutMessage(p.getResponseUrl(), channel, question))) refuse(null);
      return ctx.ack();
    });
    Clicks clicks = new Clicks(app);
    clicks.on(Pattern.quote(SlackIds.SHARE), (req, ctx) -> {
      String user = req.getPayload().getUser().getId();
      String responseUrl = ctx.getResponseUrl();
      click(Ask.fromValue(value(req.getPayload())).map(ask -> questions.share(responseUrl, ask, user)), responseUrl);
      return ctx.ack();
    });
    clicks.on(Pattern.quote(SlackIds.MORE), (req, ctx) -> {
      Destination to = Destination.ofClick(req.getPayload(), ctx.getResponseUrl());
      click(Ask.fromValue(value(req.getPayload())).map(ask -> questions.answer(null, "more", ask, to)),
          ctx.getResponseUrl());
      return ctx.ack();
    });
    clicks.on(SlackIds.LIST_PAGE + "_(newer|older)", (req, ctx) -> {
      String responseUrl = ctx.getResponseUrl();
      click(StoryListing.Page.fromValue(value(req.getPayload())).map(page -> listing.show("list page", responseUrl,
          page, true)), responseUrl);
      return ctx.ack();
    });
    clicks.on(SlackIds.FEEDBACK_UP + "|" + SlackIds.FEEDBACK_DOWN, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String channel = p.getChannel() != null ? p.getChannel().getId()
          : p.getContainer() != null ? p.getContainer().getChannelId() : null;
      String responseUrl = ctx.getResponseUrl();
      click(FeedbackValue.read(value(p)).map(c -> feedback.click(c, p.getUser().getId(), channel, responseUrl,
          p.getMessage())), responseUrl);
      return ctx.ack();
    });
    // Last: every other action_id — a button of an older message, or of an older version of the bot. Without this,
    // Bolt answers 404 and Slack shows the clicker an error; instead they are told to ask again.
    clicks.otherwise((req, ctx) -> {
      log.info("A click on a button this version does not handle (action_id {}); told the clicker to ask again",
          SlackText.truncate(String.valueOf(req.getPayload().getActions().get(0).getActionId()), 60));
      click(Optional.empty(), ctx.getResponseUrl());
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

  // A click's job, or none when this version cannot read the button's value: then the clicker is told, privately, to
  // ask again. No room for either: refused (503), so Slack shows the click as failed rather than answered.
  private void click(Optional<Job> job, String responseUrl) {
    Job todo = job.orElseGet(() -> responseUrl == null ? null : questions.outdatedButton(responseUrl));
    if (todo != null && !taken(todo)) refuse(null);
  }

  // True unless there was no room at all: then the request is refused rather than acknowledged and dropped.
  private boolean taken(Job job) {
    return pool.submit(job, false) != Answering.Admission.BUSY;
  }

  // Refused, not acknowledged (Refusals answers 503): an event is delivered again later, forgotten here so that it
  // is not taken for a repeat then; a click shows Slack's "didn't respond". No promise of a reply that will not come.
  private void refuse(String eventId) {
    if (eventId != null) dedup.forget(eventId);
    Refusals.refuse();
  }

  // False when there was no room for it: the caller refuses the event so that Slack delivers it again.
  private boolean mention(AppMentionEvent e, String eventId, String botUserId) {
    boolean fromPerson = e.getBotId() == null && !Objects.equals(e.getUser(), botUserId);
    String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
    if (!fromPerson || !dedup.firstTime(eventId)
        || limited("app_mention", e.getChannel(), e.getUser(), () -> questions.slowDown("app_mention", e.getChannel(), thread))) {
      log.debug("Skipped app_mention {}", eventId);
      return true;
    }
    String question = SlackText.question(e.getText());
    return taken(question.isEmpty() ? questions.hint(eventId, "app_mention", e.getChannel(), thread)
        : questions.inThread(eventId, "app_mention", e.getChannel(), e.getTs(), thread, question, e.getUser()));
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

  // Plain messages, files shared with a message, and thread replies also sent to the conversation. False as for
  // mentions.
  private boolean message(Said e, String eventId, String botUserId) {
    boolean fromPerson = e.botId() == null && e.user() != null && !e.user().equals(botUserId);
    if (!fromPerson) return true;
    if ("im".equals(e.channelType())) {
      if (dedup.firstTime(eventId) && !limited("message.im", e.channel(), e.user(),
          () -> questions.slowDown("message.im", e.channel(), e.threadTs()))) {
        String question = SlackText.question(e.text());
        return taken(question.isEmpty() ? questions.hint(eventId, "message.im", e.channel(), e.threadTs())
            : questions.inDm(eventId, e.channel(), e.threadTs(), question));
      }
    } else if (untaggedQuestion(e, botUserId) && dedup.firstTime(eventId)
        && !limited("message.channels", e.channel(), e.user(), null)) {  // untagged: over the limit, no notice
      String question = SlackText.question(e.text());
      String thread = e.threadTs() != null ? e.threadTs() : e.ts();
      return taken(questions.inThread(eventId, "message.channels", e.channel(), e.ts(), thread, question, e.user()));
    }
    return true;
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
   * {@code tell} (unless null) makes the notice sent, once until the user may ask again.
   */
  private boolean limited(String what, String channel, String user, Supplier<Job> tell) {
    Integer channelLimit = settings.of(channel).rateLimitPerMinute();
    RateLimiter.Decision d = channelLimit == null ? limiter.tryAcquire(user) : limiter.tryAcquire(user, channelLimit);
    if (d == RateLimiter.Decision.LIMITED_TELL) {
      log.info("Rate limit: refused a {} from {} and told them; further ones stay quiet until they may ask again", what, user);
      if (tell != null) pool.submit(tell.get(), false);
    }
    return d.limited();
  }

  private static String value(BlockActionPayload p) {
    return p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
  }
}
