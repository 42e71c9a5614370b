package dev.storybot.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.storybot.metrics.Metrics;
import dev.storybot.slack.EventDeduplicator;
import dev.storybot.slack.SeenIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of Bolt at /slack/events: reads the body into a bounded buffer (413 past the cap, whatever the
 * Content-Length says or when chunked), checks Slack's signature over the raw bytes in constant time and the
 * timestamp on both sides of now (401), answers an exact replay of an accepted request with an empty 200 without
 * handling it, and refuses bodies that are not UTF-8 (400). Only then does Bolt see it.
 *
 * <p>Why not leave the check to Bolt: its verifier compares with {@code String.equals} (early exit, a timing
 * side channel), accepts any timestamp in the future, and hashes with the platform charset.
 */
final class SlackRequestGuard extends HttpFilter {

  private static final Logger log = LoggerFactory.getLogger(SlackRequestGuard.class);

  /**
   * Signatures remembered to refuse exact replays: a signature is unique to its timestamp and body and is only
   * accepted within {@link SlackSignatureCheck#MAX_SKEW} either side of now, so ten minutes of them suffice.
   */
  static final int SEEN_SIGNATURES = 50_000;

  private final SlackSignatureCheck signature;
  private final SeenIds seen;
  private final long maxBytes;
  private final RefusedRequests refused;
  private final AtomicLong replays = new AtomicLong();

  /** {@code seen}: the signatures already handled (shared by replicas), or null for this process's memory. */
  SlackRequestGuard(String signingSecret, long maxBytes, Clock clock, Metrics metrics, SeenIds seen) {
    this.signature = new SlackSignatureCheck(signingSecret, clock);
    this.seen = seen != null ? seen
        : new EventDeduplicator(SEEN_SIGNATURES, SlackSignatureCheck.MAX_SKEW.multipliedBy(2), clock);
    this.maxBytes = maxBytes;
    this.refused = new RefusedRequests(metrics, clock);
  }

  /** Exact replays of an accepted request answered without being handled again. */
  long replays() {
    return replays.get();
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(req.getMethod())) {
      chain.doFilter(req, resp);  // the servlet answers 405
      return;
    }
    if (req.getContentLengthLong() > maxBytes) {
      reject(resp, RefusedRequests.Reason.TOO_LARGE, "request body larger than " + maxBytes + " bytes");
      return;
    }
    byte[] body;
    try {
      body = BoundedBody.read(req.getInputStream(), maxBytes);
    } catch (BoundedBody.TooLargeException e) {
      reject(resp, RefusedRequests.Reason.TOO_LARGE, "request body larger than " + maxBytes + " bytes");
      return;
    } catch (IOException | RuntimeException e) {
      // A client that hangs up or sends a broken chunked encoding; Jetty's size limit also lands here.
      boolean tooLarge = e.getMessage() != null && e.getMessage().contains("413");
      reject(resp, tooLarge ? RefusedRequests.Reason.TOO_LARGE : RefusedRequests.Reason.UNREADABLE,
          tooLarge ? "request body larger than " + maxBytes + " bytes" : "unreadable request body");
      return;
    }
    SlackSignatureCheck.Verdict verdict = signature.check(req.getHeader(SlackSignatureCheck.TIMESTAMP_HEADER),
        req.getHeader(SlackSignatureCheck.SIGNATURE_HEADER), body);
    if (verdict != SlackSignatureCheck.Verdict.VALID) {
      switch (verdict) {
        case MISSING -> reject(resp, RefusedRequests.Reason.MISSING_SIGNATURE, verdict.reason());
        case STALE -> reject(resp, RefusedRequests.Reason.STALE_TIMESTAMP, verdict.reason(),
            signature.skew(req.getHeader(SlackSignatureCheck.TIMESTAMP_HEADER)));
        default -> reject(resp, RefusedRequests.Reason.BAD_SIGNATURE, verdict.reason());
      }
      return;
    }
    if (!seen.firstTime(req.getHeader(SlackSignatureCheck.SIGNATURE_HEADER).strip())) {
      // The very same signed request again: a replay, or a proxy's duplicate. 200 so that nobody retries it,
      // but nothing is handled a second time (event_ids catch Slack's re-signed retries further in).
      replays.incrementAndGet();
      log.debug("Ignored an exact replay of a request already handled");
      resp.setStatus(200);
      return;
    }
    if (!BoundedBody.isUtf8(body)) {
      reject(resp, RefusedRequests.Reason.NOT_UTF8, "request body is not UTF-8");
      return;
    }
    try {
      chain.doFilter(new BufferedBodyRequest(req, body), resp);
    } catch (RuntimeException e) {
      // Bolt parses outside its own try: a signed body it cannot make sense of would otherwise be a 500.
      log.debug("Bolt could not parse a signed request", e);
      if (!resp.isCommitted()) {
        resp.reset();
        reject(resp, RefusedRequests.Reason.MALFORMED, "malformed Slack request", e.getClass().getSimpleName());
      }
    }
  }

  // The log line says what to check; the caller, who may be anyone, gets only the short reason.
  private void reject(HttpServletResponse resp, RefusedRequests.Reason why, String reason) throws IOException {
    reject(resp, why, reason, null);
  }

  private void reject(HttpServletResponse resp, RefusedRequests.Reason why, String reason, String detail)
      throws IOException {
    refused.refused(why, detail);
    int status = why.status;
    resp.setStatus(status);
    resp.setContentType("text/plain;charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    if (status == 413) resp.setHeader("Connection", "close");  // the rest of the body is not worth reading
    resp.getOutputStream().write((reason + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
