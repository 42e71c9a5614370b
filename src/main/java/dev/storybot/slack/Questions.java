package dev.storybot.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.Question;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind each listener, as {@link Job}s: the question as data, how to answer it on the one question path
 * and render the reply (run later on an answering thread, after Slack has been acknowledged), and where a notice
 * goes instead. Takes plain strings, not Bolt contexts, so every surface shares it; sends nothing itself.
 */
final class Questions {

  private static final Logger log = LoggerFactory.getLogger(Questions.class);
  /** How much of a thread's topic is kept as a follow-up's context. */
  static final int MAX_TOPIC_CHARS = 500;
  static final String NO_TEXT = "That message has no text I could look up in our stories.";
  /** The reply to a click on a button the bot no longer knows. */
  static final String OUTDATED_BUTTON = "That button is from an older message and no longer works here."
      + " Ask your question again and use the buttons of the new answer.";
  /** The reply to a question over the rate limit. */
  static final String SLOW_DOWN =
      "You're asking faster than I can look things up. Please wait a minute, then ask again.";
  /** The reply to a question the bot is too busy to answer in time. */
  static final String BUSY = "I'm swamped with questions right now and couldn't look that up in time."
      + " Please ask again in a minute.";
  /** What `/story` says at once while Slack is failing: its answer is held and sent once Slack takes it. */
  static final String SLACK_TROUBLE = "Slack is having trouble taking my replies right now; your answer will come"
      + " as soon as it does.";

  private final Answerer answerer;
  private final ThreadMemory threads;
  private final ChannelSettingsFile settings;
  private final ReplyRenderer renderer;

  Questions(Answerer answerer, ReplyRenderer renderer, ThreadMemory threads, ChannelSettingsFile settings) {
    this.answerer = answerer;
    this.threads = threads;
    this.settings = settings;
    this.renderer = renderer;
  }

  /**
   * An @mention (or an untagged question in a channel that takes them): the reply in the question's thread, with
   * :eyes: on the question meanwhile — or, where the channel says so, privately to {@code user} and without the
   * public reaction. When Slack will not take the reply there (the bot was removed, the channel archived…),
   * {@code user} gets it in a DM with the reason.
   */
  Job inThread(String eventId, String kind, String channel, String questionTs, String threadTs, String question,
      String user) {
    Ask ask = followUp(channel, threadTs, question);
    if (settings.of(channel).ephemeral() && user != null) {
      return answer(eventId, kind, ask, new Destination.Ephemeral(channel, user, threadTs));
    }
    Destination.Conversation to = new Destination.Conversation(channel, threadTs);
    return Job.of(eventId, kind, ask, to, user, () -> inConversation(ask, to, user), text -> notice(to, text))
        .withEyes(channel, questionTs);
  }

  /** A direct message: the reply in the DM, threaded when the question was ({@code threadTs} null otherwise). */
  Job inDm(String eventId, String channel, String threadTs, String question) {
    return answer(eventId, "message.im", followUp(channel, threadTs, question), new Destination.Conversation(channel, threadTs));
  }

  // In a thread where the bot already answered, the question is read with that thread's earlier question.
  private Ask followUp(String channel, String threadTs, String question) {
    return new Ask(question, threads.lastQuestion(channel, threadTs).orElse(null), 0);
  }

  /** Addressed with no question: how to ask, in the thread or DM. */
  Job hint(String eventId, String kind, String channel, String threadTs) {
    Destination to = new Destination.Conversation(channel, threadTs);
    return Job.of(eventId, kind, null, to, null, () -> call(to, renderer.usage(), null), text -> notice(to, text));
  }

  /** Over the rate limit: a short "slow down" in the thread or DM. */
  Job slowDown(String kind, String channel, String threadTs) {
    Destination to = new Destination.Conversation(channel, threadTs);
    return Job.of(null, kind + " slow-down notice", null, to, null, () -> notice(to, SLOW_DOWN), null);
  }

  /** `/story question`: an ephemeral reply through the command's response_url. */
  Job command(String responseUrl, String channel, String question) {
    return answer(null, SlackIds.COMMAND, Ask.of(question), new Destination.Private(responseUrl, channel));
  }

  /**
   * {@code ask} (a new question, or the next page of one) answered at {@code to}: in a conversation as a plain reply,
   * privately with the question repeated and a Share button.
   */
  Job answer(String id, String kind, Ask ask, Destination to) {
    return Job.of(id, kind, ask, to, null, () -> {
      if (to instanceof Destination.Conversation c) return inConversation(ask, c, null);
      return call(to, privateReply(ask, to.channel()), null);
    }, text -> notice(to, text));
  }

  /** "Find in stories" on a message: its text as the question, answered only to the user, with Share in channel. */
  Job aboutMessage(String responseUrl, String channel, String text) {
    Destination.Private to = new Destination.Private(responseUrl, channel);
    if (!text.isEmpty()) return answer(null, "shortcut", Ask.of(text), to);
    return Job.of(null, "shortcut", null, to, null, () -> call(to, ReplyRenderer.problem(NO_TEXT, null), null),
        t -> notice(to, t));
  }

  /** The reply only the asker sees: the question repeated, the answer, its buttons. */
  Reply privateReply(Ask ask, String channel) {
    return reply(ask, channel, renderer::command);
  }

  /** "Share in channel": the question answered again and posted visibly, attributed to {@code userId}. */
  Job share(String responseUrl, Ask ask, String userId) {
    Destination.Private to = new Destination.Private(responseUrl, null);
    return Job.of(null, "share", ask, to, userId, () -> {
      Reply reply = reply(ask, null, (a, asked) -> renderer.shared(a, asked, userId));
      return SlackCall.respond(responseUrl, ActionResponse.builder()
          .responseType("in_channel").replaceOriginal(false).text(reply.text()).blocks(reply.blocks()).build());
    }, text -> notice(to, text));
  }

  /**
   * {@code reply} sent to {@code to}: posted in a conversation (and, when Slack refuses the conversation and there is
   * an {@code asker}, to them by DM with the reason), posted ephemerally, or through a response_url as a new
   * private message.
   */
  static SlackCall call(Destination to, Reply reply, String asker) {
    if (to instanceof Destination.Conversation c) {
      SlackCall post = SlackCall.postMessage(c.channel(), c.threadTs(), reply);
      return asker == null ? post
          : post.orWhenUnreachable(error -> SlackCall.postMessage(asker, null, Undeliverable.notice(c.channel(), error, reply)));
    }
    if (to instanceof Destination.Ephemeral e) return SlackCall.postEphemeral(e.channel(), e.user(), e.threadTs(), reply);
    // A button's response_url could replace the message clicked: the next page comes as a new message instead.
    return SlackCall.respond(((Destination.Private) to).responseUrl(), ActionResponse.builder()
        .responseType("ephemeral").replaceOriginal(false).text(reply.text()).blocks(reply.blocks()).build());
  }

  /** A one-line notice with {@code text}, where the reply to {@code to} would have gone. */
  static SlackCall notice(Destination to, String text) {
    return call(to, new Reply(text, List.of(section(s -> s.text(markdownText(text))))), null);
  }

  /** A click on a button this version cannot act on (an older message, an older version): privately, "ask again". */
  Job outdatedButton(String responseUrl) {
    Destination.Private to = new Destination.Private(responseUrl, null);
    return Job.of(null, "outdated button", null, to, null, () -> notice(to, OUTDATED_BUTTON), null);
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

  // The reply in a conversation; the thread's topic is remembered for follow-ups.
  private SlackCall inConversation(Ask ask, Destination.Conversation c, String asker) {
    Reply reply = reply(ask, c.channel(), renderer::answer);
    // What the thread is about: this question, and what it followed up on, so a chain of follow-ups stays on topic.
    String topic = ask.context() == null ? ask.question() : ask.question() + " " + ask.context();
    threads.remember(c.channel(), c.threadTs(), SlackText.truncate(topic, MAX_TOPIC_CHARS));
    return call(c, reply, asker);
  }
}
