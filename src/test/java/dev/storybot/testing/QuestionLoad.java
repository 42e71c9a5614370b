package dev.storybot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Open-loop questions at a running bot, as Slack would send them under load: @mentions and `/story` commands in
 * turn, one every interval whether or not earlier ones were acknowledged (up to 16 at once on the wire). Each is
 * remembered with its acknowledgement, so a test can then find the replies each one got on the {@link SlackApiStub}.
 */
public final class QuestionLoad implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One question sent and what its acknowledgement said.
   *
   * @param n its number in the load
   * @param mention an @mention (its reply goes to the thread {@code ts}); else `/story` (its reply to response_url {@code id})
   * @param id the event_id of a mention, the response_url id of a command
   * @param ts the mention's message ts
   * @param status the acknowledgement's HTTP status (0 when the request failed)
   * @param ackText the text of the acknowledgement's message (`/story`), or ""
   */
  public record Asked(int n, boolean mention, String id, String ts, int status, String ackText) {}

  private final SlackClient bot;
  private final String question;
  private final String prefix;
  private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(16);

  /** Asks {@code question} of {@code bot}; {@code prefix} keeps the ids of one load apart from another's. */
  public QuestionLoad(SlackClient bot, String question, String prefix) {
    this.bot = bot;
    this.question = question;
    this.prefix = prefix;
  }

  /**
   * Sends {@code count} questions, one every {@code interval} from now, running {@code before.accept(i)} just before
   * question i goes (to change what Slack does mid-load), and returns them once every acknowledgement is in.
   */
  public List<Asked> run(int count, Duration interval, IntConsumer before) throws InterruptedException {
    List<CompletableFuture<Asked>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      CompletableFuture<Asked> f = new CompletableFuture<>();
      senders.schedule(() -> {
        try {
          before.accept(n);
          f.complete(ask(n));
        } catch (RuntimeException | Error e) {
          f.completeExceptionally(e);
        }
      }, interval.toNanos() * i, TimeUnit.NANOSECONDS);
      sent.add(f);
    }
    List<Asked> asked = new ArrayList<>();
    for (CompletableFuture<Asked> f : sent) {
      try {
        asked.add(f.get(5, TimeUnit.MINUTES));
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new AssertionError("sending a question failed", e);
      }
    }
    return asked;
  }

  /** The texts of the successful replies {@code a} got: posts in its thread, or posts to its response_url. */
  public static List<String> replies(Asked a, List<SlackApiStub.Call> calls) {
    return calls.stream().filter(c -> c.status() == 200).filter(c -> a.mention()
        ? c.method().equals("chat.postMessage") && SlackClient.CHANNEL.equals(c.params().get("channel"))
            && a.ts().equals(c.params().get("thread_ts"))
        : c.method().equals(SlackApiStub.RESPONSE_URL) && c.path().equals("/response/" + a.id()))
        .map(c -> a.mention() ? c.params().get("text") : c.json().path("text").asText()).toList();
  }

  private Asked ask(int n) {
    boolean mention = n % 2 == 0;
    String id = (mention ? "Ev" : "") + prefix + n;
    String ts = String.format(Locale.ROOT, "17%08d.%06d", Math.floorMod(prefix.hashCode(), 100_000_000), n);
    try {
      HttpResponse<String> r = mention ? bot.mention(id, ts, question, Duration.ofSeconds(30))
          : bot.command(question, id, Duration.ofSeconds(30));
      String text = mention || r.body().isBlank() ? "" : JSON.readTree(r.body()).path("text").asText();
      return new Asked(n, mention, id, ts, r.statusCode(), text);
    } catch (IOException e) {
      return new Asked(n, mention, id, ts, 0, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Asked(n, mention, id, ts, 0, "");
    }
  }

  @Override
  public void close() {
    senders.shutdownNow();
  }
}
