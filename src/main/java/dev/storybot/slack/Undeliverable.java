package dev.storybot.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The asker's own copy of a reply the bot could not post where the question was asked, saying why. */
final class Undeliverable {

  /** Slack allows 50 blocks in a message; the notice takes one. */
  private static final int MAX_BLOCKS = 50;
  private static final Pattern CHANNEL_ID = Pattern.compile("[A-Z0-9]{1,32}");

  private Undeliverable() {}

  /** {@code reply}, headed by a line saying it could not go to {@code channel} because of Slack's {@code error}. */
  static Reply notice(String channel, String error, Reply reply) {
    // Both values come from outside: only a well-formed id becomes a channel link, and the code is escaped.
    String where = channel != null && CHANNEL_ID.matcher(channel).matches() ? "<#" + channel + ">" : "that channel";
    String why = "I couldn't reply in " + where + " (" + SlackText.escape(String.valueOf(error))
        + "), so here is my answer just for you.";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(why))));
    blocks.addAll(reply.blocks().subList(0, Math.min(reply.blocks().size(), MAX_BLOCKS - 1)));
    return new Reply(why + "\n" + reply.text(), blocks);
  }
}
