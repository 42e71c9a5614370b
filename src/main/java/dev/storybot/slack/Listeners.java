package dev.storybot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
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
  private final SeenIds dedup;
  private final RateLimiter limiter;
  private final ChannelSettingsFile settings;
  private final Pool pool;

  Listeners(Questions questions, StoryListing listing, HomeTab home, FeedbackClicks feedback, ReplyRenderer renderer,
      SeenIds dedup, RateLimiter limiter, ChannelSettingsFile settings, Pool pool) {
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
      if (!message(payload.getEvent(), payload.getEventId(), ctx.getBotUserId())) refuse(payload.getEventId());
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
    app.blockAction(SlackIds.SHARE, (req, ctx) -> {
      String user = req.getPayload().getUser().getId();
      String responseUrl = ctx.getResponseUrl();
      if (!Ask.fromValue(value(req.getPayload())).map(ask -> taken(questions.share(responseUrl, ask, user))).orElse(true)) {
        refuse(null);
      }
      return ctx.ack();
    });
    app.blockAction(SlackIds.MORE, (req, ctx) -> {
      Destination to = Destination.ofClick(req.getPayload(), ctx.getResponseUrl());
      if (!Ask.fromValue(value(req.getPayload())).map(ask -> taken(questions.answer(null, "more", ask, to))).orElse(true)) {
        refuse(null);
      }
      return ctx.ack();
    });
    app.blockAction(Pattern.compile(SlackIds.LIST_PAGE + "_(newer|older)"), (req, ctx) -> {
      String responseUrl = ctx.getResponseUrl();
      if (!StoryListing.Page.fromValue(value(req.getPayload()))
          .map(page -> taken(listing.show("list page", responseUrl, page, true))).orElse(true)) {
        refuse(null);
      }
      return ctx.ack();
    });
    app.blockAction(Pattern.compile(SlackIds.FEEDBACK_UP + "|" + SlackIds.FEEDBACK_DOWN), (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String channel = p.getChannel() != null ? p.getChannel().getId()
          : p.getContainer() != null ? p.getContainer().getChannelId() : null;
      String responseUrl = ctx.getResponseUrl();
      if (!FeedbackValue.read(value(p))
          .map(click -> taken(feedback.click(click, p.getUser().getId(), channel, responseUrl, p.getMessage())))
          .orElse(true)) {
        refuse(null);
      }
      return ctx.ack();
    });
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

  // Subtyped messages never reach here: Bolt routes them apart and we auto-ack them. False as for mentions.
  private boolean message(MessageEvent e, String eventId, String botUserId) {
    boolean fromPerson = e.getBotId() == null && e.getUser() != null && !e.getUser().equals(botUserId);
    if (!fromPerson) return true;
    if ("im".equals(e.getChannelType())) {
      if (dedup.firstTime(eventId) && !limited("message.im", e.getChannel(), e.getUser(),
          () -> questions.slowDown("message.im", e.getChannel(), e.getThreadTs()))) {
        String question = SlackText.question(e.getText());
        return taken(question.isEmpty() ? questions.hint(eventId, "message.im", e.getChannel(), e.getThreadTs())
            : questions.inDm(eventId, e.getChannel(), e.getThreadTs(), question));
      }
    } else if (untaggedQuestion(e, botUserId) && dedup.firstTime(eventId)
        && !limited("message.channels", e.getChannel(), e.getUser(), null)) {  // untagged: over the limit, no notice
      String question = SlackText.question(e.getText());
      String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
      return taken(questions.inThread(eventId, "message.channels", e.getChannel(), e.getTs(), thread, question, e.getUser()));
    }
    return true;
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
