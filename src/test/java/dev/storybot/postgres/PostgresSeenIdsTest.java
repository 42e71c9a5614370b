package dev.storybot.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.slack.EventDeduplicator;
import dev.storybot.testing.PostgresInstalled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ids seen by two replicas racing over the same deliveries: each id is handled by exactly one of them, once. */
@ExtendWith(PostgresInstalled.class)
class PostgresSeenIdsTest {

  @Test
  void twoReplicasRacingOverTheSameIdsHandleEachExactlyOnce() throws Exception {
    try (Replicas r = new Replicas()) {
      PostgresSeenIds a = new PostgresSeenIds(r.replica(), "event", EventDeduplicator.standard());
      PostgresSeenIds b = new PostgresSeenIds(r.replica(), "event", EventDeduplicator.standard());
      List<Callable<List<String>>> both = new ArrayList<>();
      for (PostgresSeenIds seen : List.of(a, b)) {
        both.add(() -> {
          List<String> mine = new ArrayList<>();
          for (int i = 0; i < 300; i++) if (seen.firstTime("Ev" + i)) mine.add("Ev" + i);
          return mine;
        });
      }
      List<List<String>> handled = Replicas.race(both);
      List<String> all = new ArrayList<>(handled.get(0));
      all.addAll(handled.get(1));
      assertEquals(300, all.size(), "each id once: " + handled.get(0).size() + " + " + handled.get(1).size());
      assertEquals(300, all.stream().distinct().count());
      assertFalse(a.firstTime("Ev7"));
      assertFalse(b.firstTime("Ev7"));
    }
  }

  @Test
  void aForgottenIdIsNewAgainForEveryReplicaAndScopesAreApart() throws Exception {
    try (Replicas r = new Replicas()) {
      Database one = r.replica();
      PostgresSeenIds a = new PostgresSeenIds(one, "event", EventDeduplicator.standard());
      PostgresSeenIds b = new PostgresSeenIds(r.replica(), "event", EventDeduplicator.standard());
      PostgresSeenIds signatures = new PostgresSeenIds(one, "signature", EventDeduplicator.standard());
      assertTrue(a.firstTime("EvRefused"));
      a.forget("EvRefused");  // refused with 503: Slack's next delivery must be handled, wherever it lands
      assertTrue(b.firstTime("EvRefused"));
      assertTrue(signatures.firstTime("EvRefused"), "another scope");
      assertTrue(a.firstTime(null), "no id: always new");
    }
  }
}
