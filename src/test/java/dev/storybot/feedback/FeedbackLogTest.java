package dev.storybot.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feedback log on disk: one JSON line a click, read back as written, damage reported by file and line. */
class FeedbackLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;

  static Feedback click(String verdict, String question, String context, Feedback.Shown... shown) {
    return new Feedback("2026-11-27T09:00:00Z", verdict, question, context, 0, "U1", "C1", List.of(shown));
  }

  @Test
  void eachClickIsOneLineReadBackAsItWasWritten() throws Exception {
    Path dir = temp.resolve("feedback");
    FeedbackLog log = new FeedbackLog(dir);
    Feedback up = click(Feedback.UP, "How many cables?", null, new Feedback.Shown("harbour-bridge.md", 2, "forty"));
    Feedback down = click(Feedback.DOWN, "And the cost?", "How many cables?", new Feedback.Shown("x.md", 1, null));
    log.append(up);
    log.append(down);

    assertEquals(dir.resolve(FeedbackLog.FILE), log.file());
    List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), lines.toString());
    assertFalse(lines.get(0).contains("context"), "an absent context is left out, not null: " + lines.get(0));
    assertFalse(lines.get(1).contains("\"quote\""), "an absent quote is left out: " + lines.get(1));
    assertEquals("How many cables?", JSON.readTree(lines.get(1)).path("context").asText());
    assertEquals(List.of(up, down), FeedbackLog.read(dir));
  }

  @Test
  void everyJsonLinesFileOfTheFolderIsReadOldestNameFirstSkippingBlankLinesAndOtherFiles() throws Exception {
    Files.writeString(temp.resolve("2026-01.jsonl"), JSON.writeValueAsString(click(Feedback.DOWN, "first", null))
        + "\n\n" + "{\"time\":\"t\",\"verdict\":\"up\",\"question\":\"second\",\"extra\":1}\n");
    Files.writeString(temp.resolve("2026-02.jsonl"), JSON.writeValueAsString(click(Feedback.UP, "third", null)));
    Files.writeString(temp.resolve("notes.txt"), "not feedback");
    List<String> questions = FeedbackLog.read(temp).stream().map(Feedback::question).toList();
    assertEquals(List.of("first", "second", "third"), questions, "unknown fields are ignored");
  }

  @Test
  void aDamagedLineIsNamedByFileAndLine() throws Exception {
    Files.writeString(temp.resolve(FeedbackLog.FILE), JSON.writeValueAsString(click(Feedback.UP, "fine", null))
        + "\n{\"verdict\": \"up\", \"question\": \n");
    var e = assertThrows(IllegalArgumentException.class, () -> FeedbackLog.read(temp));
    assertTrue(e.getMessage().startsWith(temp.resolve(FeedbackLog.FILE) + " line 2 is not a feedback record"),
        e.getMessage());

    Files.writeString(temp.resolve(FeedbackLog.FILE), "{\"verdict\": \"meh\", \"question\": \"q\"}\n");
    var verdict = assertThrows(IllegalArgumentException.class, () -> FeedbackLog.read(temp));
    assertTrue(verdict.getMessage().contains("line 1") && verdict.getMessage().contains("meh"), verdict.getMessage());
  }

  @Test
  void aMissingFolderSaysSo() {
    Path missing = temp.resolve("nope");
    var e = assertThrows(IllegalArgumentException.class, () -> FeedbackLog.read(missing));
    assertEquals("no feedback folder " + missing, e.getMessage());
  }

  @Test
  void aFolderThatCannotBeCreatedIsAnErrorNamingTheFile() throws Exception {
    Path blocked = Files.writeString(temp.resolve("blocked"), "a file where the folder should be");
    FeedbackLog log = new FeedbackLog(blocked);
    var e = assertThrows(UncheckedIOException.class, () -> log.appendUnchecked(click(Feedback.UP, "q", null)));
    assertEquals("could not write to " + log.file(), e.getMessage());
  }

  @Test
  void clicksFromManyThreadsAtOnceNeverInterleave() throws Exception {
    FeedbackLog log = new FeedbackLog(temp);
    int threads = 8;
    int each = 50;
    String question = "a long question ".repeat(40);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String user = "U" + t;
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < each; i++) {
            log.append(new Feedback("2026-11-27T09:00:00Z", Feedback.UP, question + i, null, 0, user, "C1", List.of()));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) f.get();
    } finally {
      pool.shutdownNow();
    }
    List<Feedback> read = FeedbackLog.read(temp);  // fails on any line two clicks wrote into each other
    assertEquals(threads * each, read.size());
    assertEquals(threads, read.stream().map(Feedback::user).distinct().count());
  }

  @Test
  void aClickNeedsAQuestionAndAKnownVerdict() {
    var e = assertThrows(IllegalArgumentException.class, () -> click("meh", "q", null));
    assertEquals("verdict must be \"up\" or \"down\", got meh", e.getMessage());
    assertThrows(NullPointerException.class, () -> click(Feedback.UP, null, null));
    assertEquals(List.of(), new Feedback("t", Feedback.UP, "q", null, 0, "U", "C", null).excerpts());
  }
}
