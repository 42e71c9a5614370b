package dev.storybot.slack;

import dev.storybot.metrics.Metrics;
import dev.storybot.slack.Backlog.Delivery;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the bot's replies to Slack without holding a thread per call: a bounded, observable {@link Backlog} served
 * by one non-blocking HTTP client ({@link HttpClient}'s async API) with at most {@link DeliveryPolicy#inFlight}
 * calls open. A reply is tried until Slack takes it, refuses it, or its time is up: a 429 holds back every call of
 * its rate key until Retry-After, 5xx and time-outs back off exponentially, a response_url is tried at most
 * {@link DeliveryPolicy#responseUrlUses} times and never after the {@link DeliveryPolicy#horizon}. Reactions are
 * best-effort: one short try, skipped under pressure. While replies wait for a retry Slack counts as failing.
 */
public final class Courier implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Courier.class);
  private static final long EXPEDITE_EVERY_NANOS = 5_000_000_000L;

  /** How a reply's delivery ended. */
  public enum Outcome { DELIVERED, REFUSED, GAVE_UP }

  private final String apiBase;
  private final String token;
  private final DeliveryPolicy policy;
  private final Metrics metrics;
  private final ExecutorService httpThreads = Executors.newFixedThreadPool(2, Threads.named("storybot-slack-http-", true));
  private final HttpClient http;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.named("storybot-courier-", true));
  private final Backlog backlog = new Backlog();
  private final Set<Delivery> sending = new HashSet<>();
  private int inFlight;  // replies on the wire
  private int reactions;  // best-effort calls on the wire, bounded apart so they never hold a reply back
  private boolean closing;
  private ScheduledFuture<?> wake;
  private long wakeAt;
  private final SlackStatus status = new SlackStatus();
  private long lastExpedite;

  /** Sends Web API calls to {@code apiBase} (ending in "/") as the bot whose token is {@code token}. */
  public Courier(String apiBase, String token, DeliveryPolicy policy, Metrics metrics) {
    this.apiBase = apiBase;
    this.token = token;
    this.policy = policy;
    this.metrics = metrics;
    this.http = HttpClient.newBuilder().executor(httpThreads).connectTimeout(policy.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * Sends {@code call} until Slack takes it, refuses it, or it is {@link DeliveryPolicy#horizon} past
   * {@code acceptedNanos} (System.nanoTime() when the question was acknowledged); then tells {@code done}, once.
   */
  public void deliver(SlackCall call, long acceptedNanos, Consumer<Outcome> done) {
    Delivery d = new Delivery(call, acceptedNanos, done);
    synchronized (this) {
      if (closing) giveUp(d, "shutdown", "the bot is stopping");
      else backlog.add(d, System.nanoTime());
    }
    pump();
  }

  /**
   * One try at {@code call} within {@link DeliveryPolicy#bestEffortTimeout}, no retry; skipped (false at once) under
   * pressure unless {@code evenUnderPressure}. Completes with whether Slack took it.
   */
  public CompletableFuture<Boolean> bestEffort(SlackCall call, boolean evenUnderPressure) {
    synchronized (this) {
      if (closing || reactions >= policy.inFlight() || (!evenUnderPressure && underPressure())) {
        metrics.slackBestEffort(call.method(), "skipped");
        return CompletableFuture.completedFuture(false);
      }
      reactions++;
    }
    return http.sendAsync(call.request(apiBase, token, policy.bestEffortTimeout()), HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> {
          boolean ok = Attempt.of(call, response, failure).verdict() == Attempt.Verdict.DELIVERED;
          metrics.slackBestEffort(call.method(), ok ? "ok" : "failed");
          synchronized (this) {
            reactions--;
          }
          return ok;
        });
  }

  /** True while replies queue up or Slack is failing: a reaction now would only add to the wait. */
  public synchronized boolean underPressure() {
    return status.failing() || !backlog.isEmpty();
  }

  /** True while Slack is failing: the last attempt failed, or replies wait to be tried again. */
  public synchronized boolean degraded() {
    return status.failing() || backlog.retrying();
  }

  /** Replies waiting (for their turn or a retry), not counting those on the wire. */
  public synchronized int backlog() {
    return backlog.size();
  }

  /** Calls on the wire now, reactions included. */
  public synchronized int inFlight() {
    return inFlight + reactions;
  }

  /** Seconds since the oldest undelivered reply's question was acknowledged; 0 when none. */
  public synchronized double oldestSeconds() {
    long now = System.nanoTime();
    long oldest = backlog.oldestAccepted(now);
    for (Delivery d : sending) if (d.acceptedNanos - oldest < 0) oldest = d.acceptedNanos;
    return (now - oldest) / 1e9;
  }

  /** /healthz's "slack": whether replies go out, the backlog, and while Slack fails, what failed and since when. */
  public synchronized Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", degraded() ? "degraded" : "ok");
    h.put("backlog", backlog.size());
    h.put("in_flight", inFlight + reactions);
    h.put("oldest_seconds", Math.round(oldestSeconds()));
    status.describe(h, System.nanoTime());
    return h;
  }

  // Starts whatever is due, as far as the in-flight bound allows; sets the timer for the next; reports outcomes.
  private void pump() {
    List<Delivery> start = new ArrayList<>();
    synchronized (this) {
      long now = System.nanoTime();
      for (Delivery d; inFlight < policy.inFlight() && (d = backlog.next(now)) != null; ) {
        if (now - (d.acceptedNanos + policy.horizon().toNanos()) > 0) {
          giveUp(d, "expired", "no attempt succeeded within " + policy.horizon());
          continue;
        }
        d.attempts++;
        inFlight++;
        sending.add(d);
        start.add(d);
      }
      schedule(now);
    }
    for (Delivery d : start) send(d);
    report();
  }

  private void send(Delivery d) {
    try {
      http.sendAsync(d.call.request(apiBase, token, policy.timeout()), HttpResponse.BodyHandlers.ofString())
          .whenComplete((response, failure) -> completed(d, Attempt.of(d.call, response, failure)));
    } catch (RuntimeException e) {  // a response_url that is no URL: nothing to retry
      completed(d, new Attempt(Attempt.Verdict.LOST, "bad_url", null, null, e.toString()));
    }
  }

  private void completed(Delivery d, Attempt a) {
    synchronized (this) {
      inFlight--;
      sending.remove(d);
      if (!d.finished) {  // else given up at shutdown while on the wire
        switch (a.verdict()) {
          case DELIVERED -> delivered(d);
          case REFUSED -> refused(d, a.error());
          case RETRY -> retry(d, a);
          case LOST -> giveUp(d, a.reason(), a.detail());
        }
      }
      notifyAll();
    }
    pump();
  }

  // Slack is back: no reply waits out its back-off. Later successes pull in the stragglers (at most every 5 s, and
  // only calls of the same kind, so that a response_url host still failing does not have its tries spent).
  private void delivered(Delivery d) {
    long now = System.nanoTime();
    if (status.succeeded(now, backlog.size())) {
      backlog.expedite(now, null);
      lastExpedite = now;
    } else if (now - lastExpedite > EXPEDITE_EVERY_NANOS) {
      backlog.expedite(now, d.call.toResponseUrl());
      lastExpedite = now;
    }
    backlog.finish(d, Outcome.DELIVERED);
  }

  // ok=false is Slack's considered answer: never retried. An unreachable conversation may have somewhere else to go.
  private void refused(Delivery d, String error) {
    metrics.slackApiError(d.call.method(), "ok_false");
    SlackErrors.log(d.call.method(), error);
    SlackCall instead = SlackErrors.conversationUnreachable(error) ? d.call.whenUnreachable(error) : null;
    if (instead == null) {
      backlog.finish(d, Outcome.REFUSED);
    } else {
      backlog.add(new Delivery(instead, d.acceptedNanos, d.done), System.nanoTime());
    }
  }

  private void retry(Delivery d, Attempt a) {
    long now = System.nanoTime();
    status.failed(d.call.method(), a.reason(), a.detail(), d.attempts, now);
    // A 429 was turned away before Slack looked at it: it spends none of a response_url's 5 uses.
    if (!a.reason().equals("http_429")) d.uses++;
    if (d.call.toResponseUrl() && d.uses >= policy.responseUrlUses()) {
      giveUp(d, "uses", "after " + d.uses + " uses, all a response_url allows");
      return;
    }
    // A response_url's uses are spread out, unless Slack said when to come back.
    boolean spread = d.call.toResponseUrl() && a.retryAfter() == null;
    long due = now + policy.nanosBeforeRetry(spread, Math.max(1, spread ? d.uses : d.attempts), a.retryAfter());
    if (due - (d.acceptedNanos + policy.horizon().toNanos()) > 0) {
      giveUp(d, "expired", "the next try would come after " + policy.horizon());
      return;
    }
    if (a.retryAfter() != null) backlog.pause(d.call.rateKey(), due);
    metrics.slackApiRetry(d.call.method(), a.reason());
    backlog.add(d, due);
  }

  private void giveUp(Delivery d, String reason, String why) {
    metrics.slackApiGaveUp(d.call.method(), reason);
    log.warn("Slack {} failed {}; giving up", d.call.method(), why);
    backlog.finish(d, Outcome.GAVE_UP);
  }

  // Outcomes are told outside the lock: a callback may start a reaction, or take a lock of its own.
  private void report() {
    List<Runnable> run;
    synchronized (this) {
      run = backlog.finished();
    }
    for (Runnable r : run) {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.error("Reporting a delivery's outcome failed", e);
      }
    }
  }

  // One timer, for the earliest due delivery; an earlier one replaces it. None while every slot is taken: the next
  // completion pumps. A wake still to come, no later, will do; one whose time has come may be this very run.
  private void schedule(long now) {
    Long due = backlog.nextDue();
    if (due == null || inFlight >= policy.inFlight() || closing && timer.isShutdown()) return;
    if (wake != null && wakeAt - now > 0 && wakeAt - due <= 0) return;
    if (wake != null) wake.cancel(false);
    wakeAt = due;
    wake = timer.schedule(this::pump, Math.max(0, due - now), TimeUnit.NANOSECONDS);
  }

  /**
   * Stops taking replies, gives the backlog one last try and up to {@link DeliveryPolicy#drain} to go out, then
   * gives up on what is left (counted and logged) and releases the threads.
   */
  @Override
  public void close() {
    long end = System.nanoTime() + policy.drain().toNanos();
    synchronized (this) {
      closing = true;
      backlog.hurry(System.nanoTime());
    }
    pump();
    synchronized (this) {
      try {
        for (long left = end - System.nanoTime(); (!backlog.isEmpty() || !sending.isEmpty()) && left > 0;
             left = end - System.nanoTime()) {
          wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int left = backlog.size() + sending.size();
      if (left > 0) log.warn("{} replies still undelivered at shutdown; giving them up", left);
      for (Delivery d : backlog.takeAll()) giveUp(d, "shutdown", "the bot is stopping");
      for (Delivery d : sending) giveUp(d, "shutdown", "the bot is stopping");
      sending.clear();
    }
    report();
    timer.shutdownNow();
    httpThreads.shutdownNow();
  }

}
