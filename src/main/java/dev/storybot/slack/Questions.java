package dev.storybot.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind each listener, run on a worker thread after Slack has been acknowledged: answer the question,
 * render the reply, post it where it was asked. Takes plain strings, not Bolt contexts, so it can be reused.
 */
public final class Questions {

  private static final Logger log = LoggerFactory.getLogger(Questions.class);
  private static final String WORKING_REACTION = "eyes";

  private final Answerer answerer;
  private final ReplyRenderer renderer;
  private final WebApi api;

  public Questions(Answerer answerer, ReplyRenderer renderer, WebApi api) {
    this.answerer = answerer;
    this.renderer = renderer;
    this.api = api;
  }

  /** An @mention: :eyes: on the question while working, the reply in the question's thread. */
  public void inThread(String channel, String questionTs, String threadTs, String question) {
    api.call("reactions.add", m -> m.reactionsAdd(r -> r.channel(channel).timestamp(questionTs).name(WORKING_REACTION)));
    try {
      post(channel, threadTs, reply(question, renderer::answer));
    } finally {
      api.call("reactions.remove", m -> m.reactionsRemove(r -> r.channel(channel).timestamp(questionTs).name(WORKING_REACTION)));
    }
  }

  /** A direct message: the reply in the DM, threaded when the question was ({@code threadTs} null otherwise). */
  public void inDm(String channel, String threadTs, String question) {
    post(channel, threadTs, reply(question, renderer::answer));
  }

  /** Addressed with no question: how to ask, in the thread or DM. */
  public void hint(String channel, String threadTs) {
    post(channel, threadTs, renderer.usage(StorybotApp.COMMAND));
  }

  /** `/story question`: an ephemeral reply through the command's response_url. */
  public void command(String responseUrl, String question) {
    Reply reply = reply(question, renderer::command);
    api.respond(responseUrl, SlashCommandResponse.builder()
        .responseType("ephemeral").text(reply.text()).blocks(reply.blocks()).build());
  }

  /** "Share in channel": the question answered again and posted visibly, attributed to {@code userId}. */
  public void share(String responseUrl, String question, String userId) {
    Reply reply = reply(question, a -> renderer.shared(a, userId));
    ActionResponse response = ActionResponse.builder()
        .responseType("in_channel").replaceOriginal(false).text(reply.text()).blocks(reply.blocks()).build();
    api.respond(responseUrl, response);
  }

  // Any fault while answering becomes a polite reply and one log line; the user never sees a stack trace.
  private Reply reply(String question, Function<Answer, Reply> render) {
    try {
      return render.apply(answerer.answer(question));
    } catch (RuntimeException e) {
      log.error("Failed to answer a question of {} characters", question.length(), e);
      return renderer.error();
    }
  }

  private void post(String channel, String threadTs, Reply reply) {
    api.call("chat.postMessage", m -> m.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
        .text(reply.text()).blocks(reply.blocks()).unfurlLinks(false).unfurlMedia(false)));
  }
}
