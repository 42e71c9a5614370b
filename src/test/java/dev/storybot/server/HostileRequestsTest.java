package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.slack.StorybotApp;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import dev.storybot.testing.SlackSigner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A few thousand generated bad requests, well and badly signed, at a real server: every one gets the status it
 * must (413 too large, 401 not from Slack, a 4xx for garbage), none a 5xx or a stack trace, and afterwards the bot
 * still answers a good question with its heap where it was.
 */
class HostileRequestsTest {

  private static final long SEED = 7_2026L;
  private static final int REQUESTS = 2_000;
  private static final int OVERSIZED_EVERY = 250;
  private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]|\\.java:\\d+");

  // A queue deep enough that every well-signed question of the flood is answered, so the good one after it is too.
  @RegisterExtension final SlackBot bot = SlackBot.builder()
      .tuning(new StorybotApp.Tuning(2, 10_000, Duration.ofMinutes(1), 20_000, SlackBot.DELIVERY)).build();

  @Test
  void thousandsOfBadRequestsGetOnlyTheRightClientErrors() throws Exception {
    HostileRequests gen = new HostileRequests(SEED);
    long heapBefore = usedHeapAfterGc();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> tally = Collections.synchronizedMap(new TreeMap<>());
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        sent.add(senders.submit(() -> {
          for (int n = first; n < REQUESTS; n += 4) {
            HostileRequests.Attack a = gen.attack(n, OVERSIZED_EVERY);
            try {
              Answer answer = send(a);
              tally.merge(a.kind() + "/" + (a.signing() == HostileRequests.Signing.GOOD ? "signed" : "bad-sig")
                  + " " + answer.status(), 1, Integer::sum);
              String problem = judge(a, answer);
              if (problem != null) failures.add(a + ": " + problem);
            } catch (Exception e) {
              failures.add(a + ": " + e);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : sent) f.get();
    } finally {
      senders.shutdownNow();
    }
    System.out.println("HostileRequestsTest statuses: " + tally);
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");

    // Still serving: a good question gets its answer.
    String after = Payloads.render("event_message_im.json", Map.of("EVENT_ID", "EvAfterTheStorm", "TS",
        "1700009999.000001", "CHANNEL", "D0000AFTER", "USER", "U0000AFTER", "TEXT", "When does the rooftop garden close?"));
    assertEquals(200, bot.post(after, "application/json", Instant.now().getEpochSecond(), Map.of()).statusCode());
    SlackApiStub.Call reply = bot.stub().awaitMatching("chat.postMessage",
        c -> "D0000AFTER".equals(c.params().get("channel")), Duration.ofSeconds(60));
    assertTrue(reply.params().get("text").contains("sunset"), reply.params().get("text"));

    long heapAfter = usedHeapAfterGc();
    assertTrue(heapAfter - heapBefore < 96L << 20,
        "used heap grew from " + (heapBefore >> 20) + " MiB to " + (heapAfter >> 20) + " MiB");
  }

  @Test
  void aLyingContentLengthIsRefusedBeforeTheBodyIsRead() throws Exception {
    int status = RawHttp.send(bot.port(), "POST " + StorybotServer.EVENTS_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nContent-Length: 2147483648", List.of());
    assertEquals(413, status);
  }

  @Test
  void aChunkedBodyPastTheCapIsRefusedWhileStreaming() throws Exception {
    byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int chunks = (int) (StorybotServer.MAX_REQUEST_BYTES / 0x10000) + 4;
    long ts = Instant.now().getEpochSecond();
    int status = RawHttp.send(bot.port(), "POST " + StorybotServer.EVENTS_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Slack-Request-Timestamp: " + ts
        + "\r\nX-Slack-Signature: v0=00", Collections.nCopies(chunks, chunk));
    assertEquals(413, status);
  }

  private record Answer(int status, String body) {}

  private Answer send(HostileRequests.Attack a) throws Exception {
    if (a.kind() == HostileRequests.Kind.OVERSIZED) {
      // java.net.http would fail writing the body after the early 413; a socket can read the answer anyway.
      StringBuilder head = new StringBuilder("POST " + StorybotServer.EVENTS_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Length: " + a.body().length);
      if (a.contentType() != null) head.append("\r\nContent-Type: ").append(a.contentType());
      signatureHeaders(a).forEach((k, v) -> head.append("\r\n").append(k).append(": ").append(v));
      return new Answer(RawHttp.send(bot.port(), head.toString(), List.of(a.body())), "");
    }
    HttpRequest.Builder req = bot.request(StorybotServer.EVENTS_PATH).POST(HttpRequest.BodyPublishers.ofByteArray(a.body()));
    if (a.contentType() != null) req.header("Content-Type", a.contentType());
    signatureHeaders(a).forEach(req::header);
    HttpResponse<String> r = bot.send(req);
    return new Answer(r.statusCode(), r.body());
  }

  private static Map<String, String> signatureHeaders(HostileRequests.Attack a) {
    long now = Instant.now().getEpochSecond();
    Random r = new Random(a.number());
    long ts = switch (a.signing()) {
      case STALE -> now - 301 - r.nextInt(3_600);
      case FUTURE -> now + 301 + r.nextInt(3_600);
      default -> now;
    };
    String signature = switch (a.signing()) {
      case NONE -> null;
      case OTHER_SECRET -> new SlackSigner("not-the-secret").sign(ts, a.body());
      case GARBLED -> "v0=" + Long.toHexString(r.nextLong()) + "zz";
      default -> new SlackSigner(SlackBot.SECRET).sign(ts, a.body());
    };
    return signature == null ? Map.of()
        : Map.of("X-Slack-Request-Timestamp", Long.toString(ts), "X-Slack-Signature", signature);
  }

  private static String judge(HostileRequests.Attack a, Answer answer) {
    int s = answer.status();
    if (s >= 500) return "server error " + s + ": " + answer.body();
    if (STACK_TRACE.matcher(answer.body()).find()) return "stack trace in the response: " + answer.body();
    if (a.expectedExactly() != 0 && s != a.expectedExactly()) return "expected " + a.expectedExactly() + ", got " + s;
    if (a.mustBeClientError() && (s < 400 || s >= 500)) return "expected a 4xx, got " + s;
    return null;
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
