package dev.storybot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator of signed {@code /story} commands on loopback: {@code clients} threads each send a
 * command, wait for the ack and then for the answer at its response_url, and send the next; it stops by itself after
 * a fixed number of commands or a time cap, whichever comes first. Each client has at most one question in the
 * bot's queue, so the bot is never asked for more than it can hold.
 */
final class HttpLoad {

  /**
   * The load's outcome.
   *
   * @param clients concurrent clients
   * @param requests commands sent (after warm-up)
   * @param seconds wall time of the measured commands
   * @param requestsPerSecond answered commands per second
   * @param ack request to the 200 acknowledgement
   * @param answer request to the answer arriving at response_url
   * @param errors non-200 acks, failed requests and answers that never came
   */
  public record Result(int clients, int requests, double seconds, double requestsPerSecond, Latency ack,
                       Latency answer, int errors) {}

  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final WebApiStub stub;
  private final SlashCommands signer = new SlashCommands(ServeProcess.SECRET);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong ids = new AtomicLong();

  HttpLoad(int port, WebApiStub stub) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
    this.stub = stub;
  }

  /** Sends up to {@code count} commands within {@code cap} and measures them. */
  Result run(List<String> questions, int clients, int count, Duration cap) throws InterruptedException {
    long[] ack = new long[count];
    long[] answer = new long[count];
    long start = System.nanoTime();
    int errors = round(questions, clients, ack, answer, cap);
    double seconds = (System.nanoTime() - start) / 1e9;
    // Slots of commands never sent (time cap reached) stay 0: every sent command takes at least a nanosecond.
    long[] acks = Arrays.stream(ack).filter(t -> t > 0).toArray();
    long[] answers = Arrays.stream(answer).filter(t -> t > 0).toArray();
    if (acks.length == 0) throw new IllegalStateException("no command was sent within " + cap);
    return new Result(clients, acks.length, seconds, (acks.length - errors) / seconds, Latency.ofNanos(acks),
        Latency.ofNanos(answers), errors);
  }

  // Sends one command per slot of `ack` from `clients` threads until all are sent or the cap is reached; errors.
  private int round(List<String> questions, int clients, long[] ack, long[] answer, Duration cap)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long deadline = System.nanoTime() + cap.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < ack.length && System.nanoTime() < deadline;
               i = next.getAndIncrement()) {
            if (!one(questions.get(i % questions.size()), i, ack, answer)) errors.incrementAndGet();
          }
        }));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("load client failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return errors.get();
  }

  // One command; records its ack and answer times at slot i; false on any failure.
  private boolean one(String question, int i, long[] ack, long[] answer) {
    String id = "c" + ids.incrementAndGet();
    CompletableFuture<String> reply = new CompletableFuture<>();
    String body = SlashCommands.body(question, stub.expect(id, reply));
    long ts = System.currentTimeMillis() / 1000;
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", Long.toString(ts))
        .header("X-Slack-Signature", signer.signature(ts, body))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long start = System.nanoTime();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      ack[i] = System.nanoTime() - start;
      if (status != 200) {
        answer[i] = ack[i];
        return false;
      }
      reply.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      answer[i] = System.nanoTime() - start;
      return true;
    } catch (IOException | ExecutionException | TimeoutException e) {
      long t = System.nanoTime() - start;
      if (ack[i] == 0) ack[i] = t;
      answer[i] = t;
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
