package dev.storybot.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.reactions.ReactionsAddRequest;
import com.slack.api.methods.request.reactions.ReactionsRemoveRequest;
import com.slack.api.methods.request.views.ViewsPublishRequest;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.FormBody;

/**
 * One request to Slack, serialised once and ready to send (and send again): a Web API method with its form, or a
 * JSON post to a response_url. The bodies are the SDK's own (its form builder for methods, its snake-case Gson for
 * response_urls), so what goes over the wire is what the SDK would send; only the sending is ours.
 */
public final class SlackCall {

  /** The name a post to a response_url goes by in logs and metrics. */
  public static final String RESPONSE_URL = "response_url";
  private static final Gson SNAKE_CASE = GsonFactory.createSnakeCase();

  private final String method;
  private final String responseUrl;
  private final String body;
  private final String rateKey;
  private final Function<String, SlackCall> unreachable;

  private SlackCall(String method, String responseUrl, String body, String rateKey,
      Function<String, SlackCall> unreachable) {
    this.method = method;
    this.responseUrl = responseUrl;
    this.body = body;
    this.rateKey = rateKey;
    this.unreachable = unreachable;
  }

  /** chat.postMessage of {@code reply} in {@code channel} (a user id: the bot's DM with them), in a thread or not. */
  static SlackCall postMessage(String channel, String threadTs, Reply reply) {
    ChatPostMessageRequest r = ChatPostMessageRequest.builder().channel(channel).threadTs(threadTs)
        .text(reply.text()).blocks(reply.blocks()).unfurlLinks(false).unfurlMedia(false).build();
    // Slack limits posting per conversation: a 429 in one channel holds back only that channel's posts.
    return new SlackCall("chat.postMessage", null, form(RequestFormBuilder.toForm(r)), "chat.postMessage " + channel, null);
  }

  /** chat.postEphemeral: {@code reply} in {@code channel}, seen only by {@code user}. */
  static SlackCall postEphemeral(String channel, String user, String threadTs, Reply reply) {
    ChatPostEphemeralRequest r = ChatPostEphemeralRequest.builder().channel(channel).user(user).threadTs(threadTs)
        .text(reply.text()).blocks(reply.blocks()).build();
    return new SlackCall("chat.postEphemeral", null, form(RequestFormBuilder.toForm(r)), "chat.postEphemeral " + channel,
        null);
  }

  /** A post to a response_url (of a slash command, a shortcut or a click). */
  static SlackCall respond(String responseUrl, ActionResponse response) {
    return new SlackCall(RESPONSE_URL, responseUrl, SNAKE_CASE.toJson(response), RESPONSE_URL, null);
  }

  /** views.publish of {@code view} as {@code user}'s Home tab. */
  static SlackCall publish(String user, View view) {
    ViewsPublishRequest r = ViewsPublishRequest.builder().userId(user).view(view).build();
    return new SlackCall("views.publish", null, form(RequestFormBuilder.toForm(r)), "views.publish", null);
  }

  /** reactions.add (or .remove) of {@code name} on message {@code ts}. */
  static SlackCall reaction(boolean add, String channel, String ts, String name) {
    String form = add
        ? form(RequestFormBuilder.toForm(ReactionsAddRequest.builder().channel(channel).timestamp(ts).name(name).build()))
        : form(RequestFormBuilder.toForm(ReactionsRemoveRequest.builder().channel(channel).timestamp(ts).name(name).build()));
    String method = add ? "reactions.add" : "reactions.remove";
    return new SlackCall(method, null, form, method, null);
  }

  /**
   * This call, and what to send instead when Slack answers that the conversation cannot be reached (the bot was
   * removed, the channel archived…): {@code instead} gets Slack's error code.
   */
  SlackCall orWhenUnreachable(Function<String, SlackCall> instead) {
    return new SlackCall(method, responseUrl, body, rateKey, instead);
  }

  /** The Web API method, or {@value #RESPONSE_URL}. */
  public String method() {
    return method;
  }

  /** True for a post to a response_url, which Slack accepts for 30 minutes and 5 uses. */
  public boolean toResponseUrl() {
    return responseUrl != null;
  }

  /** Calls sharing a key share Slack's rate limit: a 429 on one holds back the others until its Retry-After. */
  String rateKey() {
    return rateKey;
  }

  /** The body: a form for Web API methods, JSON for response_urls. */
  public String body() {
    return body;
  }

  /** What to send instead when the conversation is unreachable with {@code error}; null when nothing. */
  SlackCall whenUnreachable(String error) {
    return unreachable == null ? null : unreachable.apply(error);
  }

  /**
   * The HTTP request: Web API methods under {@code apiBase} (ending in "/") with the bot token as a bearer, a
   * response_url as it is (it carries its own authority).
   */
  HttpRequest request(String apiBase, String token, Duration timeout) {
    URI uri = URI.create(responseUrl != null ? responseUrl : apiBase + method);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body));
    // HTTP/2 where TLS negotiates it (many calls share one connection); plain HTTP (a local stub) stays on 1.1 rather
    // than being offered an h2c upgrade.
    if ("http".equals(uri.getScheme())) b.version(HttpClient.Version.HTTP_1_1);
    if (responseUrl != null) return b.header("Content-Type", "application/json; charset=utf-8").build();
    return b.header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Bearer " + token).build();
  }

  @Override
  public String toString() {
    return method;  // never the body: it holds user text
  }

  private static String form(FormBody.Builder builder) {
    FormBody f = builder.build();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < f.size(); i++) {
      if (i > 0) out.append('&');
      out.append(f.encodedName(i)).append('=').append(f.encodedValue(i));
    }
    return out.toString();
  }
}
