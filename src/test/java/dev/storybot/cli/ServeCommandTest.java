package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `storybot serve` as a user runs it: environment in, a clear error or a running bot out. */
class ServeCommandTest {

  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();
  @TempDir Path dir;

  @Test
  void missingSigningSecretIsAUserErrorNamingTheVariable() {
    ServeRunFailure run = ServeRunFailure.of(stub, Config.SLACK_SIGNING_SECRET, null);
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("SLACK_SIGNING_SECRET is not set"), run.err());
    assertFalse(run.err().contains("at dev.storybot"), "no stack trace for a user error");
  }

  @Test
  void rejectedTokenFailsAtStartWithAClearMessage() {
    stub.answer("auth.test", "{\"ok\":false,\"error\":\"invalid_auth\"}");
    ServeRunFailure run = ServeRunFailure.of(stub);
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("SLACK_BOT_TOKEN") && run.err().contains("invalid_auth"), run.err());
    assertFalse(run.err().contains(ServeRun.TOKEN), "the token itself is never printed");
  }

  @Test
  void missingStoriesFolderIsAUserError() {
    Path missing = dir.resolve("nope");
    ServeRunFailure run = ServeRunFailure.of(stub, Config.STORIES_DIR, missing.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("STORIES_DIR=" + missing), run.err());
  }

  @Test
  void folderWithoutAnIndexIsAUserError() {
    ServeRunFailure run = ServeRunFailure.of(stub, Config.INDEX_DIR, dir.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("INDEX_DIR"), run.err());
  }

  @Test
  void servesStoriesFromAFolderAnswersADmAndStopsGracefully() throws Exception {
    int storyCount = Fixtures.stories(dir.resolve("stories")).size();
    try (ServeRun run = new ServeRun(stub, Config.STORIES_DIR, dir.resolve("stories").toString())) {
      assertEquals(storyCount, run.health().path("stories").asInt());
      assertEquals(200, run.dm("EvServe", "1700003000.000100", "How many cables did the engineers replace?").statusCode());
      assertTrue(stub.awaitOne("chat.postMessage").params().get("text").contains("forty steel cables"));
      assertEquals("auth.test", stub.calls().get(0).method(), "the token was checked at start");
      assertEquals(1, stub.calls("auth.test").size(), "and never again on a request's ack path");
      assertEquals(ExitCodes.OK, run.stop());
    }
  }
}
