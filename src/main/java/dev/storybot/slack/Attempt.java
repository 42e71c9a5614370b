package dev.storybot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * What one attempt at a {@link SlackCall} came to, read from Slack's answer: delivered; refused ({@code ok=false},
 * never retried); worth another try (429 after its Retry-After, 5xx, a time-out, a broken connection); or lost for
 * good (any other 4xx: a response_url expired or used up).
 *
 * @param verdict what to do next
 * @param reason a short, bounded code for logs and metric tags (http_429, http_5xx, timeout, io, http_4xx…)
 * @param error Slack's error code of a refusal, else null
 * @param retryAfter how long Slack asked us to wait (429), else null
 * @param detail a line for the log (the exception or the status), never a body
 */
record Attempt(Verdict verdict, String reason, String error, Duration retryAfter, String detail) {

  /** What to do next. */
  enum Verdict { DELIVERED, REFUSED, RETRY, LOST }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the answer to {@code call}: either {@code response} or {@code failure} is set. */
  static Attempt of(SlackCall call, HttpResponse<String> response, Throwable failure) {
    if (failure != null) return failed(failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure);
    int status = response.statusCode();
    if (status == 429) {
      return new Attempt(Verdict.RETRY, "http_429", null, retryAfter(response), "HTTP 429");
    }
    if (status >= 500) return new Attempt(Verdict.RETRY, "http_5xx", null, null, "HTTP " + status);
    if (status >= 300) return new Attempt(Verdict.LOST, "http_4xx", null, null, "HTTP " + status);
    if (call.toResponseUrl()) return new Attempt(Verdict.DELIVERED, "ok", null, null, "HTTP " + status);
    try {
      JsonNode body = JSON.readTree(response.body());
      if (body.path("ok").asBoolean(false)) return new Attempt(Verdict.DELIVERED, "ok", null, null, "ok");
      String error = body.path("error").asText("unknown");
      return new Attempt(Verdict.REFUSED, "ok_false", error, null, "ok=false: " + error);
    } catch (IOException | RuntimeException e) {
      // 200 without Slack's JSON: a proxy's page, a cut-off body. Not an answer; try again.
      return new Attempt(Verdict.RETRY, "bad_response", null, null, "HTTP 200 without Slack's JSON");
    }
  }

  private static Attempt failed(Throwable t) {
    if (t instanceof HttpTimeoutException) return new Attempt(Verdict.RETRY, "timeout", null, null, t.toString());
    if (t instanceof IOException) return new Attempt(Verdict.RETRY, "io", null, null, t.toString());
    return new Attempt(Verdict.LOST, "error", null, null, t.toString());
  }

  // Seconds, as Slack sends it; a missing or malformed header counts as "back off as usual".
  private static Duration retryAfter(HttpResponse<String> response) {
    try {
      return response.headers().firstValue("Retry-After").map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
          .filter(d -> !d.isNegative()).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
