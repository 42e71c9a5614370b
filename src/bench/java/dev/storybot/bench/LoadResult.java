package dev.storybot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one open-loop run came to: every question sent is exactly one of answered, told busy, refused, silent or
 * an error; duplicates count replies beyond a question's first.
 *
 * @param rate questions offered a second
 * @param seconds the load window, wall time
 * @param offered questions due in the window
 * @param unsent due but not sent: the load's own bound on acknowledgements awaited was reached
 * @param answered questions whose reply was an answer
 * @param busyAck `/story` told busy in its acknowledgement
 * @param busyNotice questions told busy by a notice where the answer would have gone
 * @param refused acknowledged with 503 (and Retry-After): not acknowledged as taken; Slack would deliver it again
 * @param silent acknowledged with 200 and then no reply within the drain: the failure this bench exists to find
 * @param errors a failed request or another status
 * @param duplicates replies beyond the first to one question
 * @param answeredPerSecond answered over the window
 * @param busyPerSecond told busy (both ways) over the window
 * @param ack request to acknowledgement, ms
 * @param reply request to the first reply of an answered question, ms (null when none was answered)
 * @param serveCpuMsPerQuestion the served JVM's CPU time over questions sent (set by the caller)
 */
public record LoadResult(double rate, double seconds, int offered, int unsent, int answered, int busyAck,
                         int busyNotice, int refused, int silent, int errors, int duplicates, double answeredPerSecond,
                         double busyPerSecond, Latency ack, Latency reply, double serveCpuMsPerQuestion) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tallies {@code sent}, finding each one's replies with {@code replies}. */
  static LoadResult of(double rate, double seconds, int offered, List<MixedLoad.Sent> sent, int unsent,
      Function<MixedLoad.Sent, List<LoadStub.Reply>> replies) {
    int answered = 0;
    int busyAck = 0;
    int busyNotice = 0;
    int refused = 0;
    int silent = 0;
    int errors = 0;
    int duplicates = 0;
    List<Long> acks = new ArrayList<>();
    List<Long> replyTimes = new ArrayList<>();
    for (MixedLoad.Sent s : sent) {
      if (s.status > 0) acks.add(s.ackNanos - s.sentNanos);
      if (s.status == 503) {
        refused++;
        continue;
      }
      if (s.status != 200) {
        errors++;
        continue;
      }
      if (busyAck(s)) {
        busyAck++;
        continue;
      }
      List<LoadStub.Reply> r = replies.apply(s);
      if (r.isEmpty()) {
        silent++;
        continue;
      }
      duplicates += r.size() - 1;
      if (r.get(0).text().startsWith(MixedLoad.BUSY_PREFIX)) {
        busyNotice++;
      } else {
        answered++;
        replyTimes.add(r.get(0).nanos() - s.sentNanos);
      }
    }
    return new LoadResult(rate, seconds, offered, unsent, answered, busyAck, busyNotice, refused, silent, errors,
        duplicates, answered / seconds, (busyAck + busyNotice) / seconds, latency(acks), latency(replyTimes), 0);
  }

  /** This result with the served JVM's CPU per question. */
  LoadResult withServeCpu(double msPerQuestion) {
    return new LoadResult(rate, seconds, offered, unsent, answered, busyAck, busyNotice, refused, silent, errors,
        duplicates, answeredPerSecond, busyPerSecond, ack, reply, msPerQuestion);
  }

  /** A `/story` told busy in its acknowledgement (its ephemeral text, as JSON: Bolt escapes the apostrophe). */
  static boolean busyAck(MixedLoad.Sent s) {
    if (s.mention || s.ackBody.isBlank()) return false;
    try {
      return JSON.readTree(s.ackBody).path("text").asText().startsWith(MixedLoad.BUSY_PREFIX);
    } catch (IOException e) {
      return false;
    }
  }

  private static Latency latency(List<Long> nanos) {
    return nanos.isEmpty() ? null : Latency.ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
  }
}
