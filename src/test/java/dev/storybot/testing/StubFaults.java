package dev.storybot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the {@link SlackApiStub} answers instead of "ok": failures queued per method, a call held unanswered, or an
 * outage of everything but auth.test (errors, hangs or rate limits) until it is ended. Thread-safe.
 */
final class StubFaults {

  /** One answer that is not "ok": an HTTP status, headers and a body. */
  record Failure(int status, Map<String, String> headers, String body) {
    static final String STUBBED = "{\"ok\":false,\"error\":\"stubbed\"}";
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A hang ends with the outage, or after this long at the latest (a test that forgot to end it). */
  private static final long MAX_HANG_SECONDS = 60;

  private final Map<String, Deque<Failure>> queued = new HashMap<>();
  private final Map<String, SlackApiStub.Hold> holds = new HashMap<>();
  private SlackApiStub.Outage outage = SlackApiStub.Outage.NONE;

  synchronized void failNext(String method, int times, int status, Map<String, String> headers) {
    for (int i = 0; i < times; i++) queued.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Failure(status, headers, Failure.STUBBED));
  }

  synchronized void refuseNext(String method, int times, String error) {
    String body = JSON.createObjectNode().put("ok", false).put("error", error).toString();
    for (int i = 0; i < times; i++) queued.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Failure(200, Map.of(), body));
  }

  synchronized SlackApiStub.Hold hold(String method) {
    SlackApiStub.Hold hold = new SlackApiStub.Hold();
    holds.put(method, hold);
    return hold;
  }

  synchronized void outage(SlackApiStub.Outage o) {
    outage = o;
    notifyAll();
  }

  /**
   * How to answer a call of {@code method} now: null for the usual answer, else the failure. A held call waits for its
   * release first; during a hang the call waits for the outage to end, then fails with 503 — Slack never did it.
   */
  Failure answer(String method) throws InterruptedException {
    SlackApiStub.Hold hold;
    synchronized (this) {
      hold = holds.remove(method);
    }
    if (hold != null) hold.hold();
    synchronized (this) {
      if (!method.equals("auth.test")) {
        switch (outage) {
          case ERRORS:
            return new Failure(500, Map.of(), Failure.STUBBED);
          case RATE_LIMITED:
            return new Failure(429, Map.of("Retry-After", "1"), Failure.STUBBED);
          case HANG:
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_HANG_SECONDS);
            while (outage == SlackApiStub.Outage.HANG && end - System.nanoTime() > 0) {
              wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            }
            return new Failure(503, Map.of(), Failure.STUBBED);
          default:
            break;
        }
      }
      Deque<Failure> q = queued.get(method);
      return q == null ? null : q.poll();
    }
  }
}
