package dev.storybot.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.Question;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind each listener, run on a worker thread after Slack has been acknowledged: build the
 * {@link Question}, answer it on the one question path, render the reply, post it where it was asked. Takes plain
 * strings, not Bolt contexts, so every surface shares it.
 */
final class Questions {

  private static final Logger log = LoggerFactory.getLogger(Questions.class);
  private static final String WORKING_REACTION = "eyes";
  /** How much of a thread's topic is kept as a follow-up's context. */
  static final int MAX_TOPIC_CHARS = 500;
  static final String NO_TEXT = "That message has no text I could look up in our stories.";
  /** The reply to a click on a button the bot no longer knows. */
  static final String OUTDATED_BUTTON = "That button is from an older message and no longer works here."
      + " Ask your question again and use the buttons of the new answer.";
  /** The reply to a question over the rate limit. */
  static final String SLOW_DOWN =
      "You're asking faster than I can look things up. Please wait a minute, then ask again.";

  private final Answerer answerer;
  private final ThreadMemory threads;
  private final ChannelSettingsFile settings;
  private final ReplyRenderer renderer;
  private final WebApi api;

  Questions(Answerer answerer, ReplyRenderer renderer, WebApi api, ThreadMemory threads, ChannelSettingsFile settings) {
    this.answerer = answerer;
    this.threads = threads;
    this.settings = settings;
    this.renderer = renderer;
    this.api = api;
  }

  /**
   * An @mention: :eyes: on the question while working and the reply in the question's thread, or, where the channel
   * says so, the reply privately to {@code user} and no reaction. When Slack will not take a thread reply (the bot
   * was removed, the channel archived…), {@code user} gets it in a DM with the reason.
   */
  void inThread(String channel, String questionTs, String threadTs, String question, String user) {
    Ask ask = followUp(channel, threadTs, question);
    if (settings.of(channel).ephemeral() && user != null) {
      // Answered privately: a reaction would show the whole channel that this person asked, so none.
      answer(ask, new Destination.Ephemeral(channel, user, threadTs));
      return;
    }
    api.call("reactions.add", m -> m.reactionsAdd(r -> r.channel(channel).timestamp(questionTs).name(WORKING_REACTION)));
    try {
      inConversation(ask, new Destination.Conversation(channel, threadTs), user);
    } finally {
      api.call("reactions.remove", m -> m.reactionsRemove(r -> r.channel(channel).timestamp(questionTs).name(WORKING_REACTION)));
    }
  }

  /** A direct message: the reply in the DM, threaded when the question was ({@code threadTs} null otherwise). */
  void inDm(String channel, String threadTs, String question) {
    answer(followUp(channel, threadTs, question), new Destination.Conversation(channel, threadTs));
  }

  // In a thread where the bot already answered, the question is read with that thread's earlier question.
  private Ask followUp(String channel, String threadTs, String question) {
    return new Ask(question, threads.lastQuestion(channel, threadTs).orElse(null), 0);
  }

  /** Addressed with no question: how to ask, in the thread or DM. */
  void hint(String channel, String threadTs) {
    post(channel, threadTs, renderer.usage());
  }

  /** Over the rate limit: a short "slow down" in the thread or DM. */
  void slowDown(String channel, String threadTs) {
    post(channel, threadTs, new Reply(SLOW_DOWN, List.of(section(s -> s.text(markdownText(SLOW_DOWN))))));
  }

  /** `/story question`: an ephemeral reply through the command's response_url. */
  void command(String responseUrl, String channel, String question) {
    answer(Ask.of(question), new Destination.Private(responseUrl, channel));
  }

  /**
   * Answers {@code ask} (a new question, or the next page of one) at {@code to}: in a conversation as a plain
   * reply, privately with the question repeated and a Share button.
   */
  void answer(Ask ask, Destination to) {
    if (to instanceof Destination.Conversation c) {
      inConversation(ask, c, null);
    } else if (to instanceof Destination.Ephemeral e) {
      Reply reply = reply(ask, e.channel(), renderer::command);
      api.call("chat.postEphemeral", m -> m.chatPostEphemeral(r -> r.channel(e.channel()).user(e.user())
          .threadTs(e.threadTs()).text(reply.text()).blocks(reply.blocks())));
    } else if (to instanceof Destination.Private p) {
      Reply reply = privateReply(ask, p.channel());
      // A button's response_url could replace the message clicked: the next page comes as a new message instead.
      api.respond(p.responseUrl(), ActionResponse.builder()
          .responseType("ephemeral").replaceOriginal(false).text(reply.text()).blocks(reply.blocks()).build());
    }
  }

  /** "Find in stories" on a message: its text as the question, answered only to the user, with Share in channel. */
  void aboutMessage(String responseUrl, String channel, String text) {
    if (text.isEmpty()) {
      Reply reply = ReplyRenderer.problem(NO_TEXT, null);
      api.respond(responseUrl, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
          .text(reply.text()).blocks(reply.blocks()).build());
      return;
    }
    answer(Ask.of(text), new Destination.Private(responseUrl, channel));
  }

  /** The reply only the asker sees: the question repeated, the answer, its buttons. */
  Reply privateReply(Ask ask, String channel) {
    return reply(ask, channel, renderer::command);
  }

  /** "Share in channel": the question answered again and posted visibly, attributed to {@code userId}. */
  void share(String responseUrl, Ask ask, String userId) {
    Reply reply = reply(ask, null, (a, asked) -> renderer.shared(a, asked, userId));
    api.respond(responseUrl, ActionResponse.builder()
        .responseType("in_channel").replaceOriginal(false).text(reply.text()).blocks(reply.blocks()).build());
  }

  /** A click on a button this version cannot act on (an older message, an older version): privately, "ask again". */
  void outdatedButton(String responseUrl) {
    api.respond(responseUrl, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
        .text(OUTDATED_BUTTON).build());
  }

  /** Over the rate limit after a button click: the "slow down" privately, through the click's response_url. */
  void slowDownPrivately(String responseUrl) {
    api.respond(responseUrl, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(SLOW_DOWN).build());
  }

  // The one question path, then the surface's rendering. Any fault becomes a polite reply and one log line.
  private Reply reply(Ask ask, String channel, BiFunction<Answer, Ask, Reply> render) {
    try {
      Question question = new Question(ask.question(), ask.context(), settings.of(channel).sources(), ask.offset(),
          Question.DEFAULT_LIMIT);
      return render.apply(answerer.answer(question), ask);
    } catch (RuntimeException e) {
      log.error("Failed to answer a question of {} characters", ask.question().length(), e);
      return renderer.error();
    }
  }

  // Slack may refuse the conversation (the bot was removed, the channel archived…): then a known asker gets the
  // answer by DM, with the reason. Either way the thread's topic is remembered for follow-ups.
  private void inConversation(Ask ask, Destination.Conversation c, String asker) {
    Reply reply = reply(ask, c.channel(), renderer::answer);
    post(c.channel(), c.threadTs(), reply)
        .filter(r -> asker != null && !r.isOk() && SlackErrors.conversationUnreachable(r.getError()))
        .ifPresent(r -> post(asker, null, Undeliverable.notice(c.channel(), r.getError(), reply)));
    // What the thread is about: this question, and what it followed up on, so a chain of follow-ups stays on topic.
    String topic = ask.context() == null ? ask.question() : ask.question() + " " + ask.context();
    threads.remember(c.channel(), c.threadTs(), SlackText.truncate(topic, MAX_TOPIC_CHARS));
  }

  // A user id as the channel posts in the bot's DM with that user.
  private Optional<ChatPostMessageResponse> post(String channel, String threadTs, Reply reply) {
    return api.call("chat.postMessage", m -> m.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
        .text(reply.text()).blocks(reply.blocks()).unfurlLinks(false).unfurlMedia(false)));
  }
}
