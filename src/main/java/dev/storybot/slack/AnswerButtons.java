package dev.storybot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.BlockElement;
import dev.storybot.answer.Answer;
import dev.storybot.feedback.Feedback;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The buttons under an answer: Share in channel, More excerpts, 👍 and 👎. Each value carries the {@link Ask} it answers. */
final class AnswerButtons {

  /** block_id of the actions block under an answer. */
  static final String BLOCK_ID = "answer_actions";

  private AnswerButtons() {}

  /** {@code blocks} without the 👍/👎 buttons (an actions block left empty goes too). */
  static List<LayoutBlock> withoutFeedback(List<LayoutBlock> blocks) {
    List<LayoutBlock> out = new ArrayList<>();
    for (LayoutBlock block : blocks) {
      if (block instanceof ActionsBlock a) {
        List<BlockElement> kept = a.getElements().stream().filter(e -> !(e instanceof ButtonElement b
            && (SlackIds.FEEDBACK_UP.equals(b.getActionId()) || SlackIds.FEEDBACK_DOWN.equals(b.getActionId())))).toList();
        if (!kept.isEmpty()) out.add(actions(x -> x.blockId(a.getBlockId()).elements(kept)));
      } else {
        out.add(block);
      }
    }
    return out;
  }

  /** The actions block for {@code answer} to {@code ask}, or empty when there is no button to show. */
  static Optional<LayoutBlock> of(Answer answer, Ask ask, boolean share) {
    List<BlockElement> buttons = new ArrayList<>();
    if (share) value(ask).ifPresent(v -> buttons.add(button(b -> b.actionId(SlackIds.SHARE)
        .text(plainText("Share in channel")).value(v))));
    if (answer.answered() && answer.hasMore()) {
      value(ask.next(answer.excerpts().size())).ifPresent(v -> buttons.add(button(b -> b.actionId(SlackIds.MORE)
          .text(plainText("More excerpts")).value(v))));
    }
    if (answer.answered() && !answer.excerpts().isEmpty()) {
      FeedbackValue.of(Feedback.UP, answer, ask, ReplyRenderer.MAX_BUTTON_VALUE_CHARS).ifPresent(v -> buttons.add(
          button(b -> b.actionId(SlackIds.FEEDBACK_UP).text(plainText(":thumbsup:", true)).value(v))));
      FeedbackValue.of(Feedback.DOWN, answer, ask, ReplyRenderer.MAX_BUTTON_VALUE_CHARS).ifPresent(v -> buttons.add(
          button(b -> b.actionId(SlackIds.FEEDBACK_DOWN).text(plainText(":thumbsdown:", true)).value(v))));
    }
    if (buttons.isEmpty()) return Optional.empty();
    return Optional.of(actions(a -> a.blockId(BLOCK_ID).elements(buttons)));
  }

  // Slack refuses a button value over 2,000 characters: such a button is left out rather than the whole reply lost.
  private static Optional<String> value(Ask ask) {
    String v = ask.toValue();
    return v.length() <= ReplyRenderer.MAX_BUTTON_VALUE_CHARS ? Optional.of(v) : Optional.empty();
  }
}
