package dev.storybot.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storybot.feedback.Feedback;
import dev.storybot.slack.MemoryThreadMemory;
import dev.storybot.testing.PostgresInstalled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A thread's question and the 👍/👎 clicks, written by one replica and read by another. */
@ExtendWith(PostgresInstalled.class)
class PostgresThreadsAndFeedbackTest {

  @Test
  void aThreadAnsweredOnOneReplicaIsKnownToTheOther() throws Exception {
    try (Replicas r = new Replicas()) {
      PostgresThreadMemory a = new PostgresThreadMemory(r.replica(), new MemoryThreadMemory(10));
      PostgresThreadMemory b = new PostgresThreadMemory(r.replica(), new MemoryThreadMemory(10));
      a.remember("C1", "1700.1", "What did Blinken say?");
      assertEquals(Optional.of("What did Blinken say?"), b.lastQuestion("C1", "1700.1"));
      b.remember("C1", "1700.1", "And the hostages? What did Blinken say?");
      assertEquals(Optional.of("And the hostages? What did Blinken say?"), a.lastQuestion("C1", "1700.1"));
      assertEquals(Optional.empty(), a.lastQuestion("C1", "1700.2"));
      assertEquals(Optional.empty(), a.lastQuestion("C2", "1700.1"));
    }
  }

  @Test
  void clicksRecordedAtOnceOnTwoReplicasAreAllRead() throws Exception {
    try (Replicas r = new Replicas()) {
      PostgresFeedback a = new PostgresFeedback(r.replica());
      PostgresFeedback b = new PostgresFeedback(r.replica());
      List<Callable<Integer>> both = new ArrayList<>();
      for (PostgresFeedback f : List.of(a, b)) {
        String verdict = f == a ? Feedback.UP : Feedback.DOWN;
        both.add(() -> {
          for (int i = 0; i < 20; i++) {
            f.append(new Feedback("2024-01-0" + (1 + i % 9) + "T10:00:00Z", verdict, "question " + i, null, 0, "U1", "C1",
                List.of(new Feedback.Shown("story.md", 3, "a quote", "a speaker"))));
          }
          return 20;
        });
      }
      Replicas.race(both);
      List<Feedback> all = new PostgresFeedback(r.replica()).readAll();
      assertEquals(40, all.size());
      assertEquals(20, all.stream().filter(f -> Feedback.UP.equals(f.verdict())).count());
      assertEquals(new Feedback.Shown("story.md", 3, "a quote", "a speaker"), all.get(0).excerpts().get(0));
    }
  }
}
