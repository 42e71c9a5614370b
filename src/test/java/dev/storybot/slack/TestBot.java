package dev.storybot.slack;

import dev.storybot.app.Shelves;
import dev.storybot.app.Storybot;
import dev.storybot.config.Config;
import dev.storybot.config.RateLimits;
import dev.storybot.metrics.Metrics;
import dev.storybot.metrics.Scrape;
import dev.storybot.search.Shelf;
import dev.storybot.server.StorybotServer;
import dev.storybot.story.Story;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole bot for a test: a real index of real stories, the real Bolt app and Jetty server on a free loopback
 * port, and Slack's Web API played by a {@link SlackApiStub}. Requests are signed as Slack signs them.
 */
public final class TestBot implements AutoCloseable {

  public static final String SECRET = "test-signing-secret";
  public static final String TOKEN = "xoxb-test-token";
  /** The channel of mentions and commands. */
  public static final String CHANNEL = "C0000CHAN";
  /** The DM channel of direct messages. */
  public static final String DM = "D0000DM";
  /** The user who clicks buttons. */
  public static final String CLICKER = "U0000CLICKER";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Slack gives up on an acknowledgement after 3 seconds. */
  public static final Duration SLACK_DEADLINE = Duration.ofSeconds(3);
  /** One worker: replies come in the order questions were asked, so a later reply proves an earlier silence. */
  public static final StorybotApp.Tuning TUNING =
      new StorybotApp.Tuning(1, 50, new WebApi.Retry(3, Duration.ofMillis(100), Duration.ofSeconds(2),
          WebApi.Retry.DEFAULT_TIMEOUT));

  public final SlackApiStub stub;
  /** What the bot counts, as /metrics serves it. */
  public final Metrics metrics;
  /** Where 👍/👎 clicks are logged. */
  public final Path feedbackDir;
  private final Path ownFeedbackDir;
  private final Storybot storybot;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SlackSigner signer = new SlackSigner(SECRET);

  private TestBot(SlackApiStub stub, Storybot.ShelfSource shelf, Path feedbackDir, Path channelsConfig,
      StorybotApp.Tuning tuning, RateLimits limits) throws Exception {
    this(stub, shelf, feedbackDir, channelsConfig, tuning, limits, true);
  }

  private TestBot(SlackApiStub stub, Storybot.ShelfSource shelf, Path feedbackDir, Path channelsConfig,
      StorybotApp.Tuning tuning, RateLimits limits, boolean load) throws Exception {
    this.stub = stub;
    // Never the working directory's feedback/ folder: a private temporary one unless the test names its own.
    this.ownFeedbackDir = feedbackDir == null ? Files.createTempDirectory("storybot-feedback") : null;
    this.feedbackDir = feedbackDir == null ? ownFeedbackDir : feedbackDir;
    Config config = new Config(SECRET, TOKEN, 0, null, null, stub.apiUrl(), null, this.feedbackDir, channelsConfig,
        limits);
    Storybot.Options options = new Storybot.Options(false, tuning, shelf);
    this.storybot = load ? Storybot.start(config, options) : Storybot.listen(config, options);
    this.metrics = storybot.metrics();
  }

  private static Storybot.ShelfSource inMemory(List<Story> stories) {
    return () -> Shelves.Opened.inMemory(stories);
  }

  /** A bot answering from a real in-memory index of {@code stories}. */
  public static TestBot over(List<Story> stories) throws Exception {
    return new TestBot(SlackApiStub.start(), inMemory(stories), null, null, TUNING, RateLimits.DEFAULT);
  }

  /** A bot over {@code stories} logging feedback in {@code feedbackDir}, with per-channel settings (or null). */
  public static TestBot over(List<Story> stories, Path feedbackDir, Path channelsConfig) throws Exception {
    return new TestBot(SlackApiStub.start(), inMemory(stories), feedbackDir, channelsConfig, TUNING, RateLimits.DEFAULT);
  }

  /** Like {@link #over} with other worker and retry settings, e.g. a queue deep enough for a flood. */
  public static TestBot over(List<Story> stories, StorybotApp.Tuning tuning) throws Exception {
    return new TestBot(SlackApiStub.start(), inMemory(stories), null, null, tuning, RateLimits.DEFAULT);
  }

  /** Like {@link #over} with other rate limits. */
  public static TestBot over(List<Story> stories, RateLimits limits) throws Exception {
    return new TestBot(SlackApiStub.start(), inMemory(stories), null, null, TUNING, limits);
  }

  /** A bot listening but still loading its stories: /healthz and /slack/events answer 503. */
  public static TestBot loading(List<Story> stories) throws Exception {
    return new TestBot(SlackApiStub.start(), inMemory(stories), null, null, TUNING, RateLimits.DEFAULT, false);
  }

  /** A bot answering from {@code shelf} (e.g. one that fails, for the internal-error reply). */
  public static TestBot over(Shelf shelf) throws Exception {
    return new TestBot(SlackApiStub.start(), () -> new Shelves.Opened(shelf, null, null), null, null, TUNING,
        RateLimits.DEFAULT);
  }

  /** Slack calls given up for good since start (all attempts failed, or a 4xx), as /metrics counts them. */
  public double gaveUp() {
    Scrape scrape = new Scrape(metrics.scrape());
    return scrape.sum("storybot_slack_api_errors_total", "reason", "gave_up")
        + scrape.sum("storybot_slack_api_errors_total", "reason", "http_4xx");
  }

  /** http://127.0.0.1:port */
  public String baseUrl() {
    return "http://127.0.0.1:" + storybot.port();
  }

  /** POSTs an Events API template, signed now. */
  public HttpResponse<String> event(String template, Map<String, String> vars) throws IOException, InterruptedException {
    return post(Payloads.render(template, vars), "application/json", Instant.now().getEpochSecond(), Map.of());
  }

  /** POSTs an @mention of the bot asking {@code question} in channel C0000CHAN at message ts {@code ts}. */
  public HttpResponse<String> mention(String eventId, String ts, String question) throws IOException, InterruptedException {
    return mention(eventId, ts, question, Duration.ofSeconds(10));
  }

  /** Like {@link #mention(String, String, String)}, failing unless the ack arrives within {@code deadline}. */
  public HttpResponse<String> mention(String eventId, String ts, String question, Duration deadline)
      throws IOException, InterruptedException {
    String body = Payloads.render("event_app_mention.json", Map.of("EVENT_ID", eventId, "TS", ts, "CHANNEL", CHANNEL,
        "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> " + question));
    return post(body, "application/json", Instant.now().getEpochSecond(), Map.of(), deadline);
  }

  /** POSTs a direct message from user U0000ASKER asking {@code question} in DM channel D0000DM. */
  public HttpResponse<String> dm(String eventId, String ts, String question) throws IOException, InterruptedException {
    return event("event_message_im.json", Map.of("EVENT_ID", eventId, "TS", ts, "CHANNEL", DM,
        "USER", "U0000ASKER", "TEXT", question));
  }

  /** POSTs a "Share in channel" click by {@code user} on a reply to {@code question}. */
  public HttpResponse<String> share(String question, String user, String responseId) throws IOException, InterruptedException {
    String body = Payloads.interaction("block_action_share.json", Map.of("VALUE", question, "USER", user,
        "CHANNEL", CHANNEL, "RESPONSE_URL", stub.responseUrl(responseId)));
    return post(body, "application/x-www-form-urlencoded", Instant.now().getEpochSecond(), Map.of());
  }

  /**
   * A click on button {@code actionId} carrying {@code value}, by user U0000CLICKER in C0000CHAN, answered through
   * response_url {@code responseId}.
   *
   * @param message the clicked message as Slack sends it (ts, thread_ts, blocks), or null for an ephemeral one
   */
  public HttpResponse<String> click(String actionId, String value, JsonNode message, String responseId)
      throws IOException, InterruptedException {
    ObjectNode payload = (ObjectNode) JSON.readTree(Payloads.render("block_action.json", Map.of("ACTION_ID", actionId,
        "VALUE", value, "USER", CLICKER, "CHANNEL", CHANNEL, "RESPONSE_URL", stub.responseUrl(responseId),
        "MESSAGE_TS", message == null ? "1700000000.000900" : message.path("ts").asText())));
    ObjectNode container = (ObjectNode) payload.path("container");
    if (message == null) {
      container.put("is_ephemeral", true);
    } else {
      if (message.has("thread_ts")) container.put("thread_ts", message.path("thread_ts").asText());
      payload.set("message", message);
    }
    String body = "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
    return post(body, "application/x-www-form-urlencoded", Instant.now().getEpochSecond(), Map.of());
  }

  /** The message a chat.postMessage call posted, as Slack would send it back in a click: ts, thread_ts, blocks. */
  public static JsonNode posted(SlackApiStub.Call post, String ts) {
    ObjectNode m = JSON.createObjectNode().put("type", "message").put("ts", ts).put("text", post.params().get("text"));
    if (post.params().get("thread_ts") != null) m.put("thread_ts", post.params().get("thread_ts"));
    m.set("blocks", post.jsonParam("blocks"));
    return m;
  }

  /** POSTs `/story text`, signed now, with its response_url on the stub. */
  public HttpResponse<String> command(String text, String responseId) throws IOException, InterruptedException {
    return command(text, responseId, Duration.ofSeconds(10));
  }

  /** POSTs `/story text` and fails unless the ack arrives within {@code deadline}. */
  public HttpResponse<String> command(String text, String responseId, Duration deadline)
      throws IOException, InterruptedException {
    String body = Payloads.render("slash_command.form", Map.of("TEXT", text, "CHANNEL", CHANNEL,
        "USER", "U0000ASKER", "RESPONSE_URL", stub.responseUrl(responseId)));
    return post(body, "application/x-www-form-urlencoded", Instant.now().getEpochSecond(), Map.of(), deadline);
  }

  /** POSTs a signed body with extra headers (e.g. X-Slack-Retry-Num). */
  public HttpResponse<String> post(String body, String contentType, long timestamp, Map<String, String> headers)
      throws IOException, InterruptedException {
    return post(body, contentType, timestamp, headers, Duration.ofSeconds(10));
  }

  /** POSTs a signed body; the request fails with HttpTimeoutException unless answered within {@code deadline}. */
  public HttpResponse<String> post(String body, String contentType, long timestamp, Map<String, String> headers,
      Duration deadline) throws IOException, InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl() + StorybotServer.EVENTS_PATH))
        .timeout(deadline)
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
        .header("X-Slack-Signature", signer.sign(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(req::header);
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends any request to the server, unsigned unless the caller adds headers. */
  public HttpResponse<String> send(HttpRequest.Builder req) throws IOException, InterruptedException {
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request builder for {@code path} on this server. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
  }

  @Override
  public void close() throws Exception {
    storybot.close();
    stub.close();
    if (ownFeedbackDir != null) {
      try (Stream<Path> files = Files.walk(ownFeedbackDir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }
}
