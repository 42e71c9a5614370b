package dev.storybot.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.Message;
import dev.storybot.feedback.Feedback;
import dev.storybot.feedback.FeedbackLog;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A click on 👍 or 👎: one line in the feedback log, then the buttons give way to a thank-you. */
final class FeedbackClicks {

  private static final Logger log = LoggerFactory.getLogger(FeedbackClicks.class);
  static final String NOT_RECORDED = "Sorry, I couldn't record your feedback just now. Please try again later.";

  private final FeedbackLog feedbackLog;
  private final Questions questions;
  private final ReplyRenderer renderer;
  private final Clock clock;

  FeedbackClicks(FeedbackLog feedbackLog, Questions questions, ReplyRenderer renderer, Clock clock) {
    this.feedbackLog = feedbackLog;
    this.questions = questions;
    this.renderer = renderer;
    this.clock = clock;
  }

  /**
   * Records {@code click} by {@code user} in {@code channel} and replaces the clicked message through
   * {@code responseUrl}.
   *
   * @param message the clicked message as Slack sent it, or null (ephemeral messages come without it: the answer
   *     is then rendered again from the question the button carries)
   */
  Job click(FeedbackValue click, String user, String channel, String responseUrl, Message message) {
    Destination to = new Destination.Private(responseUrl, channel);
    return Job.of(null, "feedback", null, to, user, () -> record(click, user, channel, responseUrl, message),
        text -> Questions.notice(to, text));
  }

  private SlackCall record(FeedbackValue click, String user, String channel, String responseUrl, Message message) {
    Ask ask = click.ask();
    try {
      feedbackLog.append(new Feedback(clock.instant().toString(), click.verdict(), ask.question(), ask.context(),
          ask.offset(), user, channel, click.shown()));
    } catch (IOException | RuntimeException e) {
      log.error("Could not write feedback to {}", feedbackLog.file(), e);
      return SlackCall.respond(responseUrl, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
          .text(NOT_RECORDED).build());
    }
    boolean ephemeral = message == null || message.getBlocks() == null;
    Reply original = ephemeral ? questions.privateReply(ask, channel) : new Reply(message.getText(), message.getBlocks());
    Reply thanked = renderer.thanked(original);
    ActionResponse.ActionResponseBuilder replace = ActionResponse.builder().replaceOriginal(true)
        .text(thanked.text()).blocks(thanked.blocks());
    if (ephemeral) replace.responseType("ephemeral");
    return SlackCall.respond(responseUrl, replace.build());
  }

  /** The action_ids this handles. */
  static List<String> actions() {
    return List.of(SlackIds.FEEDBACK_UP, SlackIds.FEEDBACK_DOWN);
  }
}
