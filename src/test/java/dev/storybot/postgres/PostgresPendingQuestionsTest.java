package dev.storybot.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.slack.Ask;
import dev.storybot.slack.Courier;
import dev.storybot.slack.Destination;
import dev.storybot.slack.PendingQuestion;
import dev.storybot.slack.PendingQuestions;
import dev.storybot.slack.PendingQuestions.Taken;
import dev.storybot.slack.SlackCall;
import dev.storybot.testing.PostgresInstalled;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The journal replicas share: a question is recorded once, whichever replica Slack reaches; a dead replica's
 * questions are adopted by exactly one live replica, with the reply it had made; a replica that stops hands its
 * unfinished questions over at once.
 */
@ExtendWith(PostgresInstalled.class)
class PostgresPendingQuestionsTest {

  private static final Instant ASKED = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Test
  void aQuestionIsRecordedOnceWhicheverReplicaItReachesAndDeletedWhenDelivered() throws Exception {
    try (Replicas r = new Replicas()) {
      PostgresPendingQuestions a = new PostgresPendingQuestions(r.replica(), 10);
      PostgresPendingQuestions b = new PostgresPendingQuestions(r.replica(), 10);
      assertEquals(Taken.NEW, a.accept(question("Ev1")));
      assertEquals(Taken.DUPLICATE, b.accept(question("Ev1")), "Slack's retry reached the other replica");
      assertEquals(Taken.DUPLICATE, a.accept(question("Ev1")));
      assertEquals(1, a.pending());
      assertEquals(0, b.pending());
      assertTrue(a.answered("Ev1", reply()));
      assertFalse(a.answered("Ev1", reply()), "one reply per question");
      a.finished("Ev1", Courier.Outcome.DELIVERED);
      assertEquals(0, a.pending());
      assertEquals(0, rows(r.url));
    }
  }

  @Test
  void aDeadReplicasQuestionsAreAdoptedByExactlyOneOfTheLiveOnesWithTheReplyItMade() throws Exception {
    try (Replicas r = new Replicas()) {
      Database dying = r.replica();
      PostgresPendingQuestions dead = new PostgresPendingQuestions(dying, 100);
      for (int i = 0; i < 40; i++) assertEquals(Taken.NEW, dead.accept(question("Ev" + i)));
      SlackCall made = reply();
      assertTrue(dead.answered("Ev0", made));
      dying.close();  // its lease is gone: what it owes is for the others

      PostgresPendingQuestions b = new PostgresPendingQuestions(r.replica(), 100);
      PostgresPendingQuestions c = new PostgresPendingQuestions(r.replica(), 100);
      List<Callable<List<PendingQuestions.Adopted>>> both = new ArrayList<>();
      for (PostgresPendingQuestions j : List.of(b, c)) {
        both.add(() -> {
          List<PendingQuestions.Adopted> got = new ArrayList<>();
          for (List<PendingQuestions.Adopted> some; !(some = j.adoptOrphans(3)).isEmpty(); ) got.addAll(some);
          return got;
        });
      }
      List<List<PendingQuestions.Adopted>> adopted = Replicas.race(both);
      Set<String> ids = new HashSet<>();
      int total = 0;
      for (List<PendingQuestions.Adopted> list : adopted) {
        total += list.size();
        list.forEach(a -> ids.add(a.question().id()));
      }
      assertEquals(40, total, "each adopted once: " + adopted.get(0).size() + " + " + adopted.get(1).size());
      assertEquals(40, ids.size());
      assertEquals(40, b.pending() + c.pending());
      assertTrue(b.adoptOrphans(10).isEmpty() && c.adoptOrphans(10).isEmpty(), "a live replica's are not orphans");

      PendingQuestions.Adopted first = adopted.stream().flatMap(List::stream)
          .filter(a -> a.question().id().equals("Ev0")).findFirst().orElseThrow();
      assertEquals(question("Ev0"), first.question(), "the question as it was acknowledged");
      assertEquals(made.method(), first.reply().method());
      assertEquals(made.body(), first.reply().body());
      assertEquals(made.rateKey(), first.reply().rateKey());
      PendingQuestions.Adopted other = adopted.stream().flatMap(List::stream)
          .filter(a -> a.question().id().equals("Ev1")).findFirst().orElseThrow();
      assertNull(other.reply(), "not answered yet: to be answered");
    }
  }

  @Test
  void aReplicaThatStopsHandsItsUnfinishedQuestionsOverAtOnce() throws Exception {
    try (Replicas r = new Replicas()) {
      PostgresPendingQuestions a = new PostgresPendingQuestions(r.replica(), 10);
      PostgresPendingQuestions b = new PostgresPendingQuestions(r.replica(), 10);
      a.accept(question("EvStop1"));
      a.accept(question("EvStop2"));
      assertTrue(b.adoptOrphans(10).isEmpty(), "a is alive");
      a.stopping();
      a.answered("EvStop2", reply());
      a.finished("EvStop2", Courier.Outcome.GAVE_UP);  // given up at shutdown: left for another replica
      a.close();
      List<PendingQuestions.Adopted> adopted = b.adoptOrphans(10);
      assertEquals(2, adopted.size());
      // adopted, the question is b's: b's reply goes out, a's late one would not
      assertTrue(b.answered("EvStop1", reply()));
    }
  }

  private static PendingQuestion question(String id) {
    return new PendingQuestion(id, "app_mention", new Ask("And the hostages?", "What did Blinken say?", 0),
        new Destination.Conversation("C1", "1700.1"), "U1", ASKED);
  }

  private static SlackCall reply() {
    return SlackCall.restore("chat.postMessage", null, "channel=C1&text=hello", "chat.postMessage C1");
  }

  private static int rows(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM storybot_pending")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
