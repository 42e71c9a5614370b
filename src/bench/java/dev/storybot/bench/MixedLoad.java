package dev.storybot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

/**
 * An open-loop load of signed questions at `serve`, as Slack sends them: @mentions and `/story` commands in a fixed
 * mix, one every 1/rate seconds whether or not the earlier ones were acknowledged (at most {@code maxOutstanding}
 * acknowledgements awaited at once; a question that would exceed it is counted unsent). Afterwards it waits for the
 * replies, and each question is one of: answered, told busy (in the acknowledgement or by a notice), refused (503:
 * Slack would deliver it again), silent (acknowledged and then nothing), or an error.
 */
final class MixedLoad {

  /** How a busy notice starts (slack.Questions.BUSY); the bench may not see the slack package, so it is spelled here. */
  static final String BUSY_PREFIX = "I'm swamped";

  /** One question sent; the ack fields are set when the acknowledgement comes. */
  static final class Sent {
    final int n;
    final boolean mention;
    final String id;
    final long sentNanos;
    volatile int status = -1;
    volatile String ackBody = "";
    volatile long ackNanos;

    Sent(int n, boolean mention, String id, long sentNanos) {
      this.n = n;
      this.mention = mention;
      this.id = id;
      this.sentNanos = sentNanos;
    }
  }

  private final URI endpoint;
  private final LoadStub stub;
  private final List<String> questions;
  private final double mentionShare;
  private final int maxOutstanding;
  private final SlashCommands signer = new SlashCommands(ServeProcess.SECRET);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger ids = new AtomicInteger();
  private final String run;

  MixedLoad(int port, LoadStub stub, List<String> questions, double mentionShare, int maxOutstanding, String run) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
    this.stub = stub;
    this.questions = questions;
    this.mentionShare = mentionShare;
    this.maxOutstanding = maxOutstanding;
    this.run = run;
  }

  /**
   * Sends questions at {@code rate} a second for {@code length}, telling {@code progress} the fraction of the window
   * gone before each one (to change what Slack does mid-load); then waits up to {@code drain} for the replies.
   */
  LoadResult run(double rate, Duration length, Duration drain, DoubleConsumer progress) throws InterruptedException {
    List<Sent> sent = new ArrayList<>();
    Semaphore outstanding = new Semaphore(maxOutstanding);
    AtomicInteger unsent = new AtomicInteger();
    long period = (long) (1e9 / rate);
    int count = (int) Math.round(rate * length.toNanos() / 1e9);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    try {
      AtomicInteger next = new AtomicInteger();
      ticker.scheduleAtFixedRate(() -> {
        int n = next.getAndIncrement();
        if (n >= count) return;
        progress.accept((double) n / count);
        if (!outstanding.tryAcquire()) {
          unsent.incrementAndGet();
          return;
        }
        Sent s = send(n);
        synchronized (sent) {
          sent.add(s);
        }
        http.sendAsync(request(s), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
          s.ackNanos = System.nanoTime();
          s.status = e != null ? 0 : r.statusCode();
          s.ackBody = e != null ? "" : r.body();
          outstanding.release();
        });
      }, 0, period, TimeUnit.NANOSECONDS);
      while (next.get() < count) ticker.awaitTermination(10, TimeUnit.MILLISECONDS);
    } finally {
      ticker.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    outstanding.tryAcquire(maxOutstanding, 60, TimeUnit.SECONDS);  // every acknowledgement is in
    awaitReplies(sent, drain);
    return LoadResult.of(rate, seconds, count, sent, unsent.get(), this::replies);
  }

  // The mix spread evenly: question n is a mention when floor((n + 1) * share) passes floor(n * share).
  private Sent send(int n) {
    boolean mention = Math.floor((n + 1) * mentionShare) > Math.floor(n * mentionShare);
    return new Sent(n, mention, run + ids.incrementAndGet(), System.nanoTime());
  }

  private HttpRequest request(Sent s) {
    String question = questions.get(s.n % questions.size());
    String body;
    String type;
    if (s.mention) {
      body = String.format(Locale.ROOT, "{\"token\":\"bench\",\"team_id\":\"T0BENCH\",\"api_app_id\":\"A0BENCH\","
          + "\"type\":\"event_callback\",\"event_id\":\"Ev%s\",\"event_time\":1700000000,\"event\":{\"type\":"
          + "\"app_mention\",\"user\":\"U0ASKER\",\"text\":\"<@%s> %s\",\"ts\":\"%s\",\"channel\":\"C0BENCH\","
          + "\"event_ts\":\"%s\"}}", s.id, LoadStub.BOT_USER_ID, question.replace("\"", "'"), ts(s), ts(s));
      type = "application/json";
    } else {
      body = SlashCommands.body(question, stub.responseUrl(s.id));
      type = "application/x-www-form-urlencoded";
    }
    long now = System.currentTimeMillis() / 1000;
    return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).header("Content-Type", type)
        .header("X-Slack-Request-Timestamp", Long.toString(now))
        .header("X-Slack-Signature", signer.signature(now, body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  // A mention's message ts, unique in this load: its reply comes in that thread.
  private String ts(Sent s) {
    return String.format(Locale.ROOT, "17%08d.%06d", Math.floorMod(run.hashCode(), 100_000_000),
        Integer.parseInt(s.id.substring(run.length())));
  }

  List<LoadStub.Reply> replies(Sent s) {
    return s.mention ? stub.mentionReplies(ts(s)) : stub.commandReplies(s.id);
  }

  // Until every question acknowledged (and not told busy in its ack) has a reply, or the drain is over; then a
  // second more, so that a duplicate on its way is seen too.
  private void awaitReplies(List<Sent> sent, Duration drain) throws InterruptedException {
    long end = System.nanoTime() + drain.toNanos();
    while (System.nanoTime() < end) {
      boolean all = true;
      for (Sent s : sent) {
        if (s.status == 200 && !LoadResult.busyAck(s) && replies(s).isEmpty()) {
          all = false;
          break;
        }
      }
      if (all) break;
      TimeUnit.MILLISECONDS.sleep(100);
    }
    TimeUnit.SECONDS.sleep(1);
  }
}
