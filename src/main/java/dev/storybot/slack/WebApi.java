package dev.storybot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.storybot.metrics.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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

    /** With the {@link #DEFAULT_TIMEOUT} per attempt. */
    public Retry(int attempts, Duration backoff, Duration maxDelay) {
      this(attempts, backoff, maxDelay, DEFAULT_TIMEOUT);
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
  private final AtomicLong failures = new AtomicLong();
  private final Metrics metrics;

  /** Calls the Web API as the bot whose token is {@code botToken}. */
  public WebApi(Slack slack, String botToken, Retry retry) {
    this(slack, botToken, retry, new Metrics());
  }

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
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      String reason;
      try {
        T response = call.call(methods);
        if (!response.isOk()) {
          metrics.slackApiError(method, "ok_false");
          refused(method, response.getError());
        }
        return Optional.of(response);
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
          wait = retryAfter(e.getResponse().header("Retry-After"), attempt);
        } else if (status >= 500) {
          wait = backoff(attempt);
        } else {
          return giveUp(method, "HTTP " + status);
        }
        reason = status == 429 ? "http_429" : "http_5xx";
        log.info("Slack {} answered HTTP {} (attempt {} of {})", method, status, attempt, retry.attempts());
      } catch (IOException e) {
        wait = backoff(attempt);
        reason = "io";
        log.info("Slack {} failed: {} (attempt {} of {})", method, e.toString(), attempt, retry.attempts());
      }
      if (attempt >= retry.attempts() || !pause(wait)) return giveUp(method, "after " + attempt + " attempts");
      metrics.slackApiRetry(method, reason);
    }
  }

  /** Posts {@code payload} (serialised as Slack expects, snake_case JSON) to a response_url, with retries. */
  public boolean respond(String responseUrl, Object payload) {
    if (responseUrl == null || !(responseUrl.startsWith("https://") || responseUrl.startsWith("http://"))) {
      // A request without a usable response_url cannot be answered this way; no point in retrying.
      return giveUp("response_url", "(the request carried no usable response_url)").isPresent();
    }
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      String reason;
      try (okhttp3.Response response = slack.getHttpClient().postJsonBody(responseUrl, payload)) {
        int status = response.code();
        if (response.isSuccessful()) return true;
        if (status == 429) {
          wait = retryAfter(response.header("Retry-After"), attempt);
        } else if (status >= 500) {
          wait = backoff(attempt);
        } else {
          giveUp("response_url", "HTTP " + status);
          return false;
        }
        reason = status == 429 ? "http_429" : "http_5xx";
        log.info("Slack response_url answered HTTP {} (attempt {} of {})", status, attempt, retry.attempts());
      } catch (IOException e) {
        wait = backoff(attempt);
        reason = "io";
        log.info("Slack response_url failed: {} (attempt {} of {})", e.toString(), attempt, retry.attempts());
      }
      if (attempt >= retry.attempts() || !pause(wait)) {
        giveUp("response_url", "after " + attempt + " attempts");
        return false;
      }
      metrics.slackApiRetry("response_url", reason);
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

  /** Calls that failed for good since start. */
  public long failures() {
    return failures.get();
  }

  private <T> Optional<T> giveUp(String method, String why) {
    failures.incrementAndGet();
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
