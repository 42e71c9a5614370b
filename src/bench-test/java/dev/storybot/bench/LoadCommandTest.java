package dev.storybot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.cli.ExitCodes;
import dev.storybot.cli.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `storybot bench load`: one tiny real run against `serve` in a child JVM, and the tally that sorts every question
 * into answered, told busy, refused, silent or an error. No timing is asserted.
 */
class LoadCommandTest {

  @TempDir Path temp;

  @Test
  void aTinyRunAnswersEveryQuestionAndLeavesNoneSilent() throws Exception {
    Run run = Run.of("bench", "load", "--paragraphs", "300", "--work", temp.toString(), "--rates", "20",
        "--seconds", "2", "--warmup", "0", "--drain", "60", "--json");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    JsonNode r = new ObjectMapper().readTree(run.out()).path("runs").get(0);
    assertEquals(40, r.path("offered").asInt());
    assertEquals(40, r.path("answered").asInt() + r.path("busyAck").asInt() + r.path("busyNotice").asInt(), r.toString());
    for (String none : List.of("silent", "duplicates", "refused", "errors", "unsent")) {
      assertEquals(0, r.path(none).asInt(), none + " in " + r);
    }
    assertTrue(r.path("answeredPerSecond").asDouble() > 0, r.toString());
  }

  @Test
  void everyQuestionIsTalliedAsExactlyOneOutcome() {
    MixedLoad.Sent answered = sent(0, true, 200, "");
    MixedLoad.Sent toldInAck = sent(1, false, 200, "{\"response_type\":\"ephemeral\",\"text\":\"I\\u0027m swamped …\"}");
    MixedLoad.Sent toldByNotice = sent(2, true, 200, "");
    MixedLoad.Sent refused = sent(3, true, 503, "");
    MixedLoad.Sent silent = sent(4, false, 200, "");
    MixedLoad.Sent failed = sent(5, false, 0, "");
    Map<MixedLoad.Sent, List<LoadStub.Reply>> replies = Map.of(
        answered, List.of(new LoadStub.Reply("> the quote", 2_000_000), new LoadStub.Reply("again", 3_000_000)),
        toldByNotice, List.of(new LoadStub.Reply(MixedLoad.BUSY_PREFIX + " right now", 2_000_000)));
    LoadResult r = LoadResult.of(10, 1.0, 7, List.of(answered, toldInAck, toldByNotice, refused, silent, failed), 1,
        s -> replies.getOrDefault(s, List.of()));
    assertEquals(1, r.answered());
    assertEquals(1, r.busyAck());
    assertEquals(1, r.busyNotice());
    assertEquals(1, r.refused());
    assertEquals(1, r.silent());
    assertEquals(1, r.errors());
    assertEquals(1, r.unsent());
    assertEquals(1, r.duplicates());
    assertEquals(2.0, r.busyPerSecond());
  }

  @Test
  void aBadSlackModeIsAUserError() {
    Run run = Run.of("bench", "load", "--slack", "sometimes", "--work", temp.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("--slack must be healthy or failing"), run.err());
  }

  private static MixedLoad.Sent sent(int n, boolean mention, int status, String ack) {
    MixedLoad.Sent s = new MixedLoad.Sent(n, mention, "t" + n, 0);
    s.status = status;
    s.ackBody = ack;
    s.ackNanos = 1_000_000;
    return s;
  }
}
