package dev.storybot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storybot.server.StorybotServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Slack's side of the conversation with a running bot: requests to its /slack/events signed as Slack signs them,
 * built from the templates in src/test/resources/slack/, whose replies land on a {@link SlackApiStub}.
 */
public abstract class SlackClient {

  /** The channel of mentions, commands and clicks. */
  public static final String CHANNEL = "C0000CHAN";
  /** The DM channel of direct messages. */
  public static final String DM = "D0000DM";
  /** The user who asks. */
  public static final String ASKER = "U0000ASKER";
  /** The user who clicks buttons. */
  public static final String CLICKER = "U0000CLICKER";
  /** Slack gives up on an acknowledgement after 3 seconds. */
  public static final Duration SLACK_DEADLINE = Duration.ofSeconds(3);
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final String JSON_TYPE = "application/json";
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SlackSigner signer;

  /** A client signing with {@code secret}, the bot's SLACK_SIGNING_SECRET. */
  protected SlackClient(String secret) {
    this.signer = new SlackSigner(secret);
  }

  /** The stub playing Slack's Web API and response_urls for the bot. */
  public abstract SlackApiStub stub();

  /** The port the bot listens on. */
  public abstract int port();

  /** http://127.0.0.1:port */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** POSTs an Events API template, signed now. */
  public HttpResponse<String> event(String template, Map<String, String> vars) throws IOException, InterruptedException {
    return post(Payloads.render(template, vars), JSON_TYPE, now(), Map.of());
  }

  /** POSTs an @mention of the bot asking {@code question} in {@link #CHANNEL} at message ts {@code ts}. */
  public HttpResponse<String> mention(String eventId, String ts, String question) throws IOException, InterruptedException {
    return mention(eventId, ts, question, DEADLINE);
  }

  /** Like {@link #mention(String, String, String)}, failing unless the ack arrives within {@code deadline}. */
  public HttpResponse<String> mention(String eventId, String ts, String question, Duration deadline)
      throws IOException, InterruptedException {
    String body = Payloads.render("event_app_mention.json", Map.of("EVENT_ID", eventId, "TS", ts, "CHANNEL", CHANNEL,
        "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> " + question));
    return post(body, JSON_TYPE, now(), Map.of(), deadline);
  }

  /** POSTs a direct message from {@link #ASKER} asking {@code question} in {@link #DM}. */
  public HttpResponse<String> dm(String eventId, String ts, String question) throws IOException, InterruptedException {
    return event("event_message_im.json", Map.of("EVENT_ID", eventId, "TS", ts, "CHANNEL", DM, "USER", ASKER,
        "TEXT", question));
  }

  /** POSTs `/story text` by {@link #ASKER} in {@link #CHANNEL}, with response_url {@code responseId} on the stub. */
  public HttpResponse<String> command(String text, String responseId) throws IOException, InterruptedException {
    return command(text, responseId, DEADLINE);
  }

  /** POSTs `/story text` and fails unless the ack arrives within {@code deadline}. */
  public HttpResponse<String> command(String text, String responseId, Duration deadline)
      throws IOException, InterruptedException {
    String body = Payloads.render("slash_command.form", Map.of("TEXT", text, "CHANNEL", CHANNEL, "USER", ASKER,
        "RESPONSE_URL", stub().responseUrl(responseId)));
    return post(body, FORM_TYPE, now(), Map.of(), deadline);
  }

  /** POSTs a "Share in channel" click by {@code user} on a reply to {@code question}. */
  public HttpResponse<String> share(String question, String user, String responseId) throws IOException, InterruptedException {
    String body = Payloads.interaction("block_action_share.json", Map.of("VALUE", question, "USER", user,
        "CHANNEL", CHANNEL, "RESPONSE_URL", stub().responseUrl(responseId)));
    return post(body, FORM_TYPE, now(), Map.of());
  }

  /**
   * A click on button {@code actionId} carrying {@code value}, by {@link #CLICKER} in {@link #CHANNEL}, answered
   * through response_url {@code responseId}.
   *
   * @param message the clicked message as Slack sends it (ts, thread_ts, blocks), or null for an ephemeral one
   */
  public HttpResponse<String> click(String actionId, String value, JsonNode message, String responseId)
      throws IOException, InterruptedException {
    ObjectNode payload = (ObjectNode) JSON.readTree(Payloads.render("block_action.json", Map.of("ACTION_ID", actionId,
        "VALUE", value, "USER", CLICKER, "CHANNEL", CHANNEL, "RESPONSE_URL", stub().responseUrl(responseId),
        "MESSAGE_TS", message == null ? "1700000000.000900" : message.path("ts").asText())));
    ObjectNode container = (ObjectNode) payload.path("container");
    if (message == null) {
      container.put("is_ephemeral", true);
    } else {
      if (message.has("thread_ts")) container.put("thread_ts", message.path("thread_ts").asText());
      payload.set("message", message);
    }
    String body = "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
    return post(body, FORM_TYPE, now(), Map.of());
  }

  /** The message a chat.postMessage call posted, as Slack would send it back in a click: ts, thread_ts, blocks. */
  public static JsonNode posted(SlackApiStub.Call post, String ts) {
    ObjectNode m = JSON.createObjectNode().put("type", "message").put("ts", ts).put("text", post.params().get("text"));
    if (post.params().get("thread_ts") != null) m.put("thread_ts", post.params().get("thread_ts"));
    m.set("blocks", post.jsonParam("blocks"));
    return m;
  }

  /** What the bot posted to response_url {@code responseId} (JSON), waiting for it. */
  public JsonNode reply(String responseId) throws InterruptedException {
    return stub().awaitMatching(SlackApiStub.RESPONSE_URL, c -> c.path().equals("/response/" + responseId),
        Duration.ofSeconds(20)).json();
  }

  /** POSTs a body signed for {@code timestamp}, with extra headers (e.g. X-Slack-Retry-Num). */
  public HttpResponse<String> post(String body, String contentType, long timestamp, Map<String, String> headers)
      throws IOException, InterruptedException {
    return post(body, contentType, timestamp, headers, DEADLINE);
  }

  /** POSTs a signed body; the request fails with HttpTimeoutException unless answered within {@code deadline}. */
  public HttpResponse<String> post(String body, String contentType, long timestamp, Map<String, String> headers,
      Duration deadline) throws IOException, InterruptedException {
    HttpRequest.Builder req = request(StorybotServer.EVENTS_PATH).timeout(deadline)
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
        .header("X-Slack-Signature", signer.sign(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(req::header);
    return send(req);
  }

  /** GETs {@code path} (/healthz, /metrics). */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  /** Sends any request to the bot, unsigned unless the caller adds headers. */
  public HttpResponse<String> send(HttpRequest.Builder req) throws IOException, InterruptedException {
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request builder for {@code path} on the bot. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(DEADLINE);
  }

  /** Now, in epoch seconds, as X-Slack-Request-Timestamp carries it. */
  public static long now() {
    return Instant.now().getEpochSecond();
  }
}
