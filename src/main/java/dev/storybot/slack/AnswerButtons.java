package dev.storybot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.storybot.answer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The buttons under an answer: Share in channel, More excerpts. Each value carries the {@link Ask} it answers. */
final class AnswerButtons {

  /** block_id of the actions block under an answer. */
  static final String BLOCK_ID = "answer_actions";

  private AnswerButtons() {}

  /** The actions block for {@code answer} to {@code ask}, or empty when there is no button to show. */
  static Optional<LayoutBlock> of(Answer answer, Ask ask, boolean share) {
    List<BlockElement> buttons = new ArrayList<>();
    if (share) value(ask).ifPresent(v -> buttons.add(button(b -> b.actionId(ReplyRenderer.SHARE_ACTION)
        .text(plainText("Share in channel")).value(v))));
    if (answer.answered() && answer.hasMore()) {
      value(ask.next(answer.excerpts().size())).ifPresent(v -> buttons.add(button(b -> b.actionId(ReplyRenderer.MORE_ACTION)
          .text(plainText("More excerpts")).value(v))));
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
