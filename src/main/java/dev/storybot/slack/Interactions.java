package dev.storybot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import java.util.regex.Pattern;

/**
 * The listeners for clicks on the bot's buttons, the message shortcut and the App Home tab. Registered by {@link StorybotApp}, the wiring class; kept apart
 * so that it stays short. Each listener reads the click, hands the work to the pool and acknowledges at once.
 */
final class Interactions {

  /** Runs work on the bounded worker pool, naming it for logs. */
  @FunctionalInterface
  interface Submitter {
    void submit(String what, Runnable work);
  }

  /** callback_id of the "Find in stories" message shortcut, as declared in manifest.yml. */
  static final String FIND_SHORTCUT = "find_in_stories";

  private final Questions questions;
  private final FeedbackClicks feedback;
  private final HomeTab home;
  private final StoryListing listing;
  private final Submitter pool;

  Interactions(Questions questions, FeedbackClicks feedback, HomeTab home, StoryListing listing, Submitter pool) {
    this.questions = questions;
    this.listing = listing;
    this.home = home;
    this.feedback = feedback;
    this.pool = pool;
  }

  void register(App app) {
    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      AppHomeOpenedEvent e = payload.getEvent();
      // Slack sends this for the Messages tab too; only the Home tab has a view to publish.
      if ("home".equals(e.getTab()) && e.getUser() != null) pool.submit("app_home_opened", () -> home.publish(e.getUser()));
      return ctx.ack();
    });

    app.messageShortcut(FIND_SHORTCUT, (req, ctx) -> {
      String text = req.getPayload().getMessage() == null ? null : req.getPayload().getMessage().getText();
      String question = SlackText.question(text);
      String responseUrl = req.getPayload().getResponseUrl();
      String channel = req.getPayload().getChannel() == null ? null : req.getPayload().getChannel().getId();
      pool.submit("shortcut", () -> questions.aboutMessage(responseUrl, channel, question));
      return ctx.ack();
    });

    app.blockAction(ReplyRenderer.SHARE_ACTION, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String user = p.getUser().getId();
      String responseUrl = ctx.getResponseUrl();
      Ask.fromValue(value(p)).ifPresent(ask -> pool.submit("share", () -> questions.share(responseUrl, ask, user)));
      return ctx.ack();
    });

    app.blockAction(Pattern.compile(StoryListing.PAGE_ACTION + "_(newer|older)"), (req, ctx) -> {
      String responseUrl = ctx.getResponseUrl();
      StoryListing.Page.fromValue(value(req.getPayload()))
          .ifPresent(page -> pool.submit("list page", () -> listing.show(responseUrl, page, true)));
      return ctx.ack();
    });

    app.blockAction(ReplyRenderer.MORE_ACTION, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      Destination to = whereClicked(p, ctx.getResponseUrl());
      Ask.fromValue(value(p)).ifPresent(ask -> pool.submit("more", () -> questions.answer(ask, to)));
      return ctx.ack();
    });

    app.blockAction(Pattern.compile(String.join("|", FeedbackClicks.actions())), (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String channel = p.getChannel() != null ? p.getChannel().getId()
          : p.getContainer() != null ? p.getContainer().getChannelId() : null;
      String responseUrl = ctx.getResponseUrl();
      FeedbackValue.read(value(p)).ifPresent(click -> pool.submit("feedback",
          () -> feedback.click(click, p.getUser().getId(), channel, responseUrl, p.getMessage())));
      return ctx.ack();
    });
  }

  private static String value(BlockActionPayload p) {
    return p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
  }

  // A button on an ephemeral reply answers privately again; one on a posted reply answers in the same thread.
  private static Destination whereClicked(BlockActionPayload p, String responseUrl) {
    BlockActionPayload.Container c = p.getContainer();
    if (c == null || c.isEphemeral() || c.getChannelId() == null) return new Destination.Private(responseUrl, c == null ? null : c.getChannelId());
    String thread = c.getThreadTs() != null ? c.getThreadTs()
        : p.getMessage() != null ? p.getMessage().getThreadTs() : null;
    return new Destination.Conversation(c.getChannelId(), thread);
  }
}
