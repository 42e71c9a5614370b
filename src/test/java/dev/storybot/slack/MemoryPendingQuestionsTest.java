package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory journal: bounded, each question answered once, the oldest known. */
class MemoryPendingQuestionsTest {

  private final MemoryPendingQuestions journal = new MemoryPendingQuestions(2);
  private final SlackCall reply = SlackCall.reaction(true, "C1", "1.1", "eyes");

  @Test
  void takesQuestionsUpToItsBoundAndKnowsARepeat() {
    assertEquals(PendingQuestions.Taken.NEW, journal.accept(question("a", 1)));
    assertEquals(PendingQuestions.Taken.DUPLICATE, journal.accept(question("a", 2)));
    assertEquals(PendingQuestions.Taken.NEW, journal.accept(question("b", 3)));
    assertEquals(PendingQuestions.Taken.FULL, journal.accept(question("c", 4)));
    journal.finished("a", Courier.Outcome.DELIVERED);
    assertEquals(PendingQuestions.Taken.NEW, journal.accept(question("c", 5)));
    assertEquals(2, journal.pending());
  }

  @Test
  void aQuestionHasOneReplyAndNoneOnceFinished() {
    journal.accept(question("a", 1));
    assertTrue(journal.answered("a", reply));
    assertFalse(journal.answered("a", reply), "a second reply is never sent");
    journal.finished("a", Courier.Outcome.GAVE_UP);
    assertFalse(journal.answered("a", reply));
    assertFalse(journal.answered("never-asked", reply));
  }

  @Test
  void theOldestIsTheFirstAcknowledgedStillPending() {
    assertEquals(Optional.empty(), journal.oldest());
    journal.accept(question("a", 10));
    journal.accept(question("b", 20));
    assertEquals(Optional.of(Instant.ofEpochSecond(10)), journal.oldest());
    journal.finished("a", Courier.Outcome.DELIVERED);
    assertEquals(Optional.of(Instant.ofEpochSecond(20)), journal.oldest());
  }

  private static PendingQuestion question(String id, long at) {
    return new PendingQuestion(id, "app_mention", Ask.of("what?"), new Destination.Conversation("C1", "1.1"), "U1",
        Instant.ofEpochSecond(at));
  }
}
