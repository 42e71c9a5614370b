package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stopping serve (what SIGTERM's shutdown hook calls): no new requests, but the answer in progress is delivered. */
class ShutdownTest {

  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();

  @Test
  void anAnswerBeingPostedWhenTheStopBeginsIsStillDelivered(@TempDir Path temp) throws Exception {
    Path stories = Fixtures.folder(temp.resolve("stories"));
    try (ServeRun run = new ServeRun(stub, Config.STORIES_DIR, stories.toString())) {
      SlackApiStub.Hold slackIsSlow = stub.hold(SlackApiStub.RESPONSE_URL);
      assertEquals(200, run.command("How many cables did the engineers replace?", "inflight").statusCode());
      slackIsSlow.awaitArrival();  // the answer is on its way to Slack, held there

      CompletableFuture<Integer> stopping = CompletableFuture.supplyAsync(() -> {
        try {
          return run.stop();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      awaitRefused(run, Duration.ofSeconds(20));
      assertFalse(stopping.isDone(), "the stop waits for the answer in progress");

      slackIsSlow.release();
      assertEquals(ExitCodes.OK, stopping.get(30, TimeUnit.SECONDS));
      SlackApiStub.Call delivered = stub.awaitOne(SlackApiStub.RESPONSE_URL);
      assertEquals("/response/inflight", delivered.path());
      assertTrue(delivered.json().toString().contains("forty steel cables"), delivered.json().toString());
    }
  }

  // Polls until the port stops taking connections: Jetty closes its connector first when stopping.
  private static void awaitRefused(ServeRun run, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      try {
        run.get("/healthz");
      } catch (IOException refused) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("still taking requests " + deadline + " after the stop began");
  }
}
