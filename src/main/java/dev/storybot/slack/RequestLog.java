package dev.storybot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.metrics.Metrics;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line and one metric per Slack request that passed verification, over HTTP and Socket Mode alike:
 * its kind, transport, status and the time to the acknowledgement. Never the payload: it holds user text.
 */
final class RequestLog implements Middleware {

  private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Metrics metrics;

  RequestLog(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    long start = System.nanoTime();
    String kind = kind(req);
    String transport = req.isSocketMode() ? "socket" : "http";
    int status = 500;
    try {
      Response r = chain.next(req);
      status = r.getStatusCode() == null ? 200 : r.getStatusCode();
      return r;
    } finally {
      long nanos = System.nanoTime() - start;
      metrics.request(kind, transport, status, nanos);
      log.atInfo().addKeyValue("kind", kind).addKeyValue("transport", transport).addKeyValue("status", status)
          .addKeyValue("ms", nanos / 1_000_000).log("Slack {} over {}: {} in {} ms", kind, transport, status,
              nanos / 1_000_000);
    }
  }

  /**
   * A small fixed vocabulary, safe as a metric tag: mention, dm, channel_message, message_other, slash_command,
   * action, shortcut, view, app_home, event…
   */
  static String kind(Request req) {
    return switch (req.getRequestType()) {
      case Command -> "slash_command";
      case Event -> eventKind((EventRequest) req);
      case BlockAction, AttachmentAction -> "action";
      case GlobalShortcut, MessageShortcut -> "shortcut";
      case ViewSubmission, ViewClosed -> "view";
      case UrlVerification -> "url_verification";
      case SSLCheck -> "ssl_check";
      default -> "other";
    };
  }

  private static String eventKind(EventRequest req) {
    String type = req.getEventType();
    if (type == null) return "event";
    return switch (type) {
      case "app_mention" -> "mention";
      case "message" -> messageKind(req);
      case "app_home_opened" -> "app_home";
      default -> "event";
    };
  }

  // message.im and message.channels arrive as the same event type: the channel type tells them apart. Subtypes the
  // bot does not read (edits, joins, bot messages) are counted apart from the messages it answers.
  private static String messageKind(EventRequest req) {
    JsonNode event;
    try {
      event = JSON.readTree(req.getRequestBodyAsString()).path("event");
    } catch (IOException e) {
      return "message_other";  // Bolt parsed the body already; this cannot happen
    }
    String subtype = event.path("subtype").asText("");
    if (!subtype.isEmpty() && !SlackIds.QUESTION_SUBTYPES.contains(subtype)) return "message_other";
    return "im".equals(event.path("channel_type").asText("")) ? "dm" : "channel_message";
  }

}
