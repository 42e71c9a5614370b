package dev.storybot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Turns an {@link Answer} into Slack messages: Block Kit built with the SDK's model classes, plus plain text. */
public final class ReplyRenderer {

  /** action_id of the "Share in channel" button; its value carries the question. */
  public static final String SHARE_ACTION = "share_answer";
  /** action_id of the "More excerpts" button; its value carries the {@link Ask} with the next offset. */
  public static final String MORE_ACTION = "more_excerpts";
  /** Slack's limit for a section's text is 3,000 characters; escaping may grow text up to 5×. */
  static final int MAX_RAW_SECTION_CHARS = 590;
  /** A button's value may hold at most 2,000 characters. */
  static final int MAX_BUTTON_VALUE_CHARS = 2_000;
  static final String THANKS = "Thanks for the feedback";
  static final String NOT_FOUND = "I couldn't find that in our stories.";
  static final String ERROR = "Sorry, something went wrong on my side while looking that up. Please try again in a minute.";

  /** The reply in a thread or DM: the excerpts, or not-found with the nearest headlines. */
  public Reply answer(Answer answer) {
    return answer(answer, Ask.of(answer.question()), null);
  }

  /**
   * The reply in a thread or DM to {@code ask}: a note on the filters applied (when {@code note} is not null), the
   * excerpts and their buttons, or not-found with the nearest headlines.
   */
  public Reply answer(Answer answer, Ask ask, String note) {
    List<LayoutBlock> head = new ArrayList<>();
    addHead(head, ask, note);
    if (!answer.answered() || answer.excerpts().isEmpty()) return notFound(answer, head);
    List<LayoutBlock> blocks = new ArrayList<>(head);
    addExcerpts(blocks, answer);
    AnswerButtons.of(answer, ask, false).ifPresent(blocks::add);
    return new Reply(fallback(answer), blocks);
  }

  /** The ephemeral reply to `/story`: the question repeated, the answer, and a "Share in channel" button. */
  public Reply command(Answer answer) {
    return command(answer, Ask.of(answer.question()), null);
  }

  /** The ephemeral reply to {@code ask}: the question repeated, the answer, Share in channel and More excerpts. */
  public Reply command(Answer answer, Ask ask, String note) {
    List<LayoutBlock> head = new ArrayList<>();
    head.add(section(s -> s.text(markdownText("*You asked:* " + quoteOf(answer)))));
    addHead(head, ask, note);
    if (!answer.answered() || answer.excerpts().isEmpty()) return notFound(answer, head);
    List<LayoutBlock> blocks = new ArrayList<>(head);
    addExcerpts(blocks, answer);
    AnswerButtons.of(answer, ask, ask.offset() == 0).ifPresent(blocks::add);
    return new Reply(fallback(answer), blocks);
  }

  /** The visible reply when {@code userId} shares an answer in the channel. */
  public Reply shared(Answer answer, String userId) {
    return shared(answer, Ask.of(answer.question()), userId, null);
  }

  /** The visible reply when {@code userId} shares the answer to {@code ask} in the channel. */
  public Reply shared(Answer answer, Ask ask, String userId, String note) {
    String by = "shared by <@" + userId + ">";
    List<LayoutBlock> head = new ArrayList<>(List.of(
        section(s -> s.text(markdownText("*" + quoteOf(answer) + "*"))),
        context(c -> c.elements(List.of(markdownText(by))))));
    addHead(head, ask, note);
    if (!answer.answered() || answer.excerpts().isEmpty()) return notFound(answer, head);
    List<LayoutBlock> blocks = new ArrayList<>(head);
    addExcerpts(blocks, answer);
    AnswerButtons.of(answer, ask, false).ifPresent(blocks::add);
    return new Reply(quoteOf(answer) + " (" + by + ")\n" + fallback(answer), blocks);
  }

  // The filter note ("Searched stories from CNN") and, past the first page, which excerpts these are.
  private static void addHead(List<LayoutBlock> head, Ask ask, String note) {
    List<String> lines = new ArrayList<>();
    if (note != null && !note.isBlank()) lines.add(SlackText.escape(note));
    if (ask.offset() > 0) lines.add("More excerpts, from no. " + (ask.offset() + 1));
    if (!lines.isEmpty()) head.add(context(c -> c.elements(List.of(markdownText(String.join(" · ", lines))))));
  }

  /** How to use `/story`, with example questions. */
  public Reply usage(String command) {
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
  public Reply problem(String text, String note) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(SlackText.escape(text)))));
    if (note != null) blocks.add(context(c -> c.elements(List.of(markdownText(SlackText.escape(note))))));
    return new Reply(SlackText.escape(text), blocks);
  }

  /** A short, polite reply for a fault of ours: never a stack trace. */
  public Reply error() {
    return new Reply(ERROR, List.of(section(s -> s.text(markdownText(ERROR)))));
  }

  private Reply notFound(Answer answer, List<LayoutBlock> head) {
    StringBuilder text = new StringBuilder(NOT_FOUND);
    if (!answer.nearest().isEmpty()) {
      text.append("\nThe closest stories I have:");
      answer.nearest().stream().limit(Answerer.DEFAULT_EXCERPTS).forEach(h ->
          text.append("\n• _").append(SlackText.escape(SlackText.truncate(h, 200))).append('_'));
    }
    List<LayoutBlock> blocks = new ArrayList<>(head);
    blocks.add(section(s -> s.text(markdownText(text.toString()))));
    return new Reply(text.toString(), blocks);
  }

  private void addExcerpts(List<LayoutBlock> blocks, Answer answer) {
    for (Excerpt e : answer.excerpts().subList(0, Math.min(Answerer.DEFAULT_EXCERPTS, answer.excerpts().size()))) {
      blocks.add(section(s -> s.text(markdownText(Quotes.blockquote(e, MAX_RAW_SECTION_CHARS)))));
      blocks.add(context(c -> c.elements(List.of(markdownText(attribution(e))))));
    }
  }

  /** *headline* · source · byline · date · ¶N · <url|link>, leaving out what the story does not have. */
  static String attribution(Excerpt e) {
    StringJoiner line = new StringJoiner(" · ");
    line.add("*" + SlackText.escape(SlackText.truncate(e.title(), 200)) + "*");
    if (present(e.source())) line.add(SlackText.escape(SlackText.truncate(e.source(), 100)));
    if (present(e.byline())) line.add(SlackText.escape(SlackText.truncate(e.byline(), 150)));
    if (present(e.published())) line.add(SlackText.escape(e.published().length() > 10 ? e.published().substring(0, 10) : e.published()));
    line.add("¶" + e.paragraph());
    if (linkable(e.url())) line.add("<" + e.url().replace("&", "&amp;") + "|link>");
    return line.toString();
  }

  private static String fallback(Answer answer) {
    StringJoiner text = new StringJoiner("\n");
    answer.excerpts().stream().limit(Answerer.DEFAULT_EXCERPTS).forEach(e -> text.add(
        quoted(SlackText.escape(SlackText.truncate(e.quote(), MAX_RAW_SECTION_CHARS))) + " — "
            + SlackText.escape(SlackText.truncate(e.title(), 200)) + ", ¶" + e.paragraph()));
    return text.toString();
  }

  // A quote that is itself a quotation already opens with a quotation mark; don't double it.
  static String quoted(String quote) {
    return quote.startsWith("“") || quote.startsWith("\"") ? quote : "“" + quote + "”";
  }

  private static String quoteOf(Answer answer) {
    return SlackText.escape(SlackText.truncate(answer.question(), 500));
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  // A link Slack can show: http(s), and nothing that would end the <url|label> syntax early.
  private static boolean linkable(String url) {
    return url != null && url.matches("https?://[^\\s<>|]+");
  }
}
