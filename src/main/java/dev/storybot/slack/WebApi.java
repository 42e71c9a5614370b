package dev.storybot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.storybot.metrics.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to Slack's Web API and to response_urls goes through here. The SDK's synchronous client does not
 * retry: it throws {@link SlackApiException} on HTTP 429 and 5xx and IOException on time-outs. We retry those a
 * bounded number of times — 429 after its Retry-After (capped), the rest with exponential back-off — then log.
 */
public final class WebApi {

  private static final Logger log = LoggerFactory.getLogger(WebApi.class);

  /**
   * How hard to try.
   *
   * @param attempts total attempts per call, at least 1
   * @param backoff delay before the first retry of a 5xx or time-out; doubled each time
   * @param maxDelay cap on any single delay, including a server's Retry-After
   * @param timeout how long one attempt may take, connection to last byte, before it counts as failed
   */
  public record Retry(int attempts, Duration backoff, Duration maxDelay, Duration timeout) {
    /** Per attempt when not given: Slack answers in well under a second, or is in trouble. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public Retry {
      if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
      if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }

    /** 4 attempts of at most 10 s each, 500 ms back-off doubling, no wait longer than 30 s. */
    public static Retry standard() {
      return new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(30), DEFAULT_TIMEOUT);
    }
  }

  /** One Web API method call, e.g. {@code m -> m.chatPostMessage(r -> ...)}. */
  @FunctionalInterface
  public interface Call<T> {
    T call(MethodsClient methods) throws IOException, SlackApiException;
  }

  private final Slack slack;
  private final MethodsClient methods;
  private final Retry retry;
  private final Metrics metrics;

  /** Calls the Web API as the bot whose token is {@code botToken}, counting retries and errors into {@code metrics}. */
  public WebApi(Slack slack, String botToken, Retry retry, Metrics metrics) {
    this.slack = slack;
    this.methods = slack.methods(botToken);
    this.retry = retry;
    this.metrics = metrics;
  }

  /**
   * Calls {@code method}, retrying 429, 5xx and I/O failures. Empty when every attempt failed; a response with
   * {@code ok=false} (e.g. channel_not_found) is returned as is, logged, and not retried.
   */
  public <T extends SlackApiTextResponse> Optional<T> call(String method, Call<T> call) {
    return withRetries(method, () -> {
      try {
        T response = call.call(methods);
        if (!response.isOk()) {
          metrics.slackApiError(method, "ok_false");
          refused(method, response.getError());
        }
        return Attempt.done(response);
      } catch (SlackApiException e) {
        return Attempt.ofStatus(e.getResponse().code(), e.getResponse().header("Retry-After"));
      }
    });
  }

  /** Posts {@code payload} (serialised as Slack expects, snake_case JSON) to a response_url, with retries. */
  public boolean respond(String responseUrl, Object payload) {
    if (responseUrl == null || !(responseUrl.startsWith("https://") || responseUrl.startsWith("http://"))) {
      // A request without a usable response_url cannot be answered this way; no point in retrying.
      giveUp("response_url", "(the request carried no usable response_url)");
      return false;
    }
    return withRetries("response_url", () -> {
      try (okhttp3.Response response = slack.getHttpClient().postJsonBody(responseUrl, payload)) {
        return response.isSuccessful() ? Attempt.done(Boolean.TRUE)
            : Attempt.<Boolean>ofStatus(response.code(), response.header("Retry-After"));
      }
    }).isPresent();
  }

  /**
   * What one attempt came to: a result, a failure worth retrying (after {@code retryAfter} seconds when the server
   * said so), or a failure that retrying cannot mend.
   */
  private record Attempt<T>(T result, String retryReason, String retryAfter, String giveUp) {
    static <T> Attempt<T> done(T result) {
      return new Attempt<>(result, null, null, null);
    }

    // 429 after its Retry-After, 5xx with back-off, any other status never again.
    static <T> Attempt<T> ofStatus(int status, String retryAfter) {
      if (status == 429) return new Attempt<>(null, "http_429", retryAfter, null);
      if (status >= 500) return new Attempt<>(null, "http_5xx", null, null);
      return new Attempt<>(null, null, null, "HTTP " + status);
    }
  }

  @FunctionalInterface
  private interface Try<T> {
    Attempt<T> run() throws IOException;
  }

  // The one retry loop of every call: bounded attempts, Retry-After honoured (capped), exponential back-off otherwise.
  private <T> Optional<T> withRetries(String method, Try<T> attempt) {
    for (int n = 1; ; n++) {
      Attempt<T> a;
      String why;
      try {
        a = attempt.run();
        why = a.retryReason();
      } catch (IOException e) {
        a = new Attempt<>(null, "io", null, null);
        why = e.toString();
      }
      if (a.result() != null) return Optional.of(a.result());
      if (a.giveUp() != null) return giveUp(method, a.giveUp());
      log.info("Slack {} failed: {} (attempt {} of {})", method, why, n, retry.attempts());
      Duration wait = a.retryAfter() != null ? retryAfter(a.retryAfter(), n) : backoff(n);
      if (n >= retry.attempts() || !pause(wait)) return giveUp(method, "after " + n + " attempts");
      metrics.slackApiRetry(method, a.retryReason());
    }
  }

  // Never retried: Slack has looked at the call and said no. Token trouble is an error someone must fix.
  private void refused(String method, String error) {
    String hint = SlackErrors.hint(error);
    if (SlackErrors.tokenRejected(error)) {
      log.error("Slack {} answered {}: {}", method, error, hint);
    } else {
      log.warn("Slack {} answered ok=false: {}{}", method, error, hint.isEmpty() ? "" : " (" + hint + ")");
    }
  }

  private <T> Optional<T> giveUp(String method, String why) {
    metrics.slackApiError(method, why.startsWith("HTTP 4") ? "http_4xx" : "gave_up");
    log.warn("Slack {} failed {}; giving up", method, why);
    return Optional.empty();
  }

  private Duration retryAfter(String header, int attempt) {
    try {
      Duration d = Duration.ofSeconds(Long.parseLong(header.strip()));
      return d.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : d;
    } catch (RuntimeException e) {
      return backoff(attempt);  // missing or malformed Retry-After
    }
  }

  private Duration backoff(int attempt) {
    Duration d = retry.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    return d.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : d;
  }

  // Runs on a worker thread, never on the thread that acknowledges Slack's request.
  private static boolean pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
