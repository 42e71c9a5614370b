package dev.storybot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import dev.storybot.answer.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Turns an {@link Answer} into Slack messages: Block Kit built with the SDK's model classes, plus plain text. */
public final class ReplyRenderer {

  /** Slack's limit for a section's text is 3,000 characters; escaping may grow text up to 5×. */
  static final int MAX_RAW_SECTION_CHARS = 590;
  /** A button's value may hold at most 2,000 characters. */
  static final int MAX_BUTTON_VALUE_CHARS = 2_000;
  static final String THANKS = "Thanks for the feedback";
  static final String NOT_FOUND = "I couldn't find that in our stories.";
  static final String ERROR = "Sorry, something went wrong on my side while looking that up. Please try again in a minute.";

  /** The reply in a thread or DM to {@code ask}: the excerpts and their buttons, or not-found with nearest headlines. */
  public Reply answer(Answer answer, Ask ask) {
    return render(answer, ask, new ArrayList<>(), false, "");
  }

  /** The reply only the asker sees: the question repeated, the answer, Share in channel and More excerpts. */
  public Reply command(Answer answer, Ask ask) {
    List<LayoutBlock> head = new ArrayList<>();
    head.add(section(s -> s.text(markdownText("*You asked:* " + questionOf(answer)))));
    return render(answer, ask, head, ask.offset() == 0, "");
  }

  /** The visible reply when {@code userId} shares the answer to {@code ask} in the channel. */
  public Reply shared(Answer answer, Ask ask, String userId) {
    String by = "shared by <@" + userId + ">";
    List<LayoutBlock> head = new ArrayList<>(List.of(
        section(s -> s.text(markdownText("*" + questionOf(answer) + "*"))),
        context(c -> c.elements(List.of(markdownText(by))))));
    return render(answer, ask, head, false, questionOf(answer) + " (" + by + ")\n");
  }

  // The note on what shaped the search, then the excerpts and buttons, or not-found, or the problem alone.
  private static Reply render(Answer answer, Ask ask, List<LayoutBlock> head, boolean share, String textPrefix) {
    if (answer.problem() != null) return problem(answer.problem(), answer.note());
    List<String> lines = new ArrayList<>();
    if (answer.note() != null) lines.add(SlackText.escape(answer.note()));
    if (ask.offset() > 0) lines.add("More excerpts, from no. " + (ask.offset() + 1));
    List<LayoutBlock> blocks = new ArrayList<>(head);
    if (!lines.isEmpty()) blocks.add(context(c -> c.elements(List.of(markdownText(String.join(" · ", lines))))));
    if (!answer.answered() || answer.excerpts().isEmpty()) return notFound(answer, blocks);
    for (Excerpt e : excerptsShown(answer)) {
      blocks.add(section(s -> s.text(markdownText(Quotes.blockquote(e, MAX_RAW_SECTION_CHARS)))));
      blocks.add(context(c -> c.elements(List.of(markdownText(SlackAttribution.ofExcerpt(e))))));
    }
    AnswerButtons.of(answer, ask, share).ifPresent(blocks::add);
    return new Reply(textPrefix + fallback(answer), blocks);
  }

  /** How to use `/story`, with example questions. */
  public Reply usage() {
    String command = SlackIds.COMMAND;
    String text = "Ask me about our stories and I'll quote the passages that answer, with where they come from.\n"
        + "• `" + command + " what was agreed at the summit?`\n"
        + "• `" + command + " who said \"a work in progress\"?`\n"
        + "Narrow it down with `source:CNN`, `in:\"headline words\"`, `after:2023-11-01` or `before:2023-12-01`; "
        + "`" + command + " list` shows the stories, newest first.\n"
        + "You can also mention me in a channel or send me a direct message with your question.";
    return new Reply(text, List.of(section(s -> s.text(markdownText(text)))));
  }

  /** {@code reply} with its 👍/👎 buttons replaced by a thank-you, so that feedback is given once. */
  public Reply thanked(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>(AnswerButtons.withoutFeedback(reply.blocks()));
    blocks.add(context(c -> c.elements(List.of(markdownText(THANKS)))));
    return new Reply(reply.text(), blocks);
  }

  /** A plain reply saying why the question was not searched (a bad filter, filters matching nothing). */
  public static Reply problem(String text, String note) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(SlackText.escape(text)))));
    if (note != null) blocks.add(context(c -> c.elements(List.of(markdownText(SlackText.escape(note))))));
    return new Reply(SlackText.escape(text), blocks);
  }

  /** A short, polite reply for a fault of ours: never a stack trace. */
  public Reply error() {
    return new Reply(ERROR, List.of(section(s -> s.text(markdownText(ERROR)))));
  }

  private static Reply notFound(Answer answer, List<LayoutBlock> blocks) {
    StringBuilder text = new StringBuilder(NOT_FOUND);
    if (!answer.nearest().isEmpty()) {
      text.append("\nThe closest stories I have:");
      answer.nearest().stream().limit(Question.DEFAULT_LIMIT).forEach(h ->
          text.append("\n• _").append(SlackText.escape(SlackText.truncate(h, 200))).append('_'));
    }
    blocks.add(section(s -> s.text(markdownText(text.toString()))));
    return new Reply(text.toString(), blocks);
  }

  private static List<Excerpt> excerptsShown(Answer answer) {
    return answer.excerpts().subList(0, Math.min(Question.DEFAULT_LIMIT, answer.excerpts().size()));
  }

  // “quote” — speaker · headline, ¶N: the shown quote, its marks balanced by the answer path, so that wrapping it in
  // quotation marks (unless it opens with one) leaves none without its partner.
  private static String fallback(Answer answer) {
    StringJoiner text = new StringJoiner("\n");
    excerptsShown(answer).forEach(e -> {
      String speakers = e.unnamedSpeakers().isEmpty() ? ""
          : SlackText.escape(SlackText.truncate(String.join("; ", e.unnamedSpeakers()), 200)) + " · ";
      text.add(quoted(SlackText.escape(SlackText.truncate(e.text(), MAX_RAW_SECTION_CHARS))) + " — " + speakers
          + SlackText.escape(SlackText.truncate(e.title(), 200)) + ", ¶" + e.paragraph());
    });
    return text.toString();
  }

  // A quote that is itself a quotation already opens with a quotation mark; don't double it.
  static String quoted(String quote) {
    return quote.startsWith("“") || quote.startsWith("\"") ? quote : "“" + quote + "”";
  }

  private static String questionOf(Answer answer) {
    return SlackText.escape(SlackText.truncate(answer.question(), 500));
  }
}
