package dev.storybot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers 503 with Retry-After for a request a listener had no room for, so that it is not acknowledged as if a
 * reply would come: Slack delivers an event again later, and shows a click as failed. Bolt takes any listener's
 * non-200 for "no listener" (404, and a misleading log line), so the listener acknowledges as usual after calling
 * {@link #refuse()} and this middleware, around it on the same thread, answers instead.
 */
final class Refusals implements Middleware {

  /** Seconds Slack should wait before delivering again a request we had no room for. */
  static final String RETRY_AFTER_SECONDS = "60";
  private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

  /** Marks the request being handled on this thread as refused. */
  static void refuse() {
    REFUSED.set(Boolean.TRUE);
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    REFUSED.remove();
    try {
      Response r = chain.next(req);
      return REFUSED.get() == null ? r : busy();
    } finally {
      REFUSED.remove();
    }
  }

  private static Response busy() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Retry-After", List.of(RETRY_AFTER_SECONDS));
    return Response.builder().statusCode(503).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).headers(headers)
        .body("{\"error\":\"too busy, try again later\"}").build();
  }
}
