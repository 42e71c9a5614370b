package dev.storybot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A message ready for Slack: Block Kit blocks and the plain-text fallback shown in notifications.
 *
 * @param text plain fallback, already escaped for Slack
 * @param blocks the rich message
 */
public record Reply(String text, List<LayoutBlock> blocks) {
  public Reply {
    blocks = List.copyOf(blocks);
  }
}
