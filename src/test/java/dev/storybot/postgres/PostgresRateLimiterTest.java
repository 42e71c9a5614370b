package dev.storybot.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storybot.slack.RateLimiter.Decision;
import dev.storybot.testing.PostgresInstalled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One user's bucket and everyone's, shared by two replicas taking tokens at the same moment. */
@ExtendWith(PostgresInstalled.class)
class PostgresRateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

  @Test
  void twoReplicasRacingForOneUsersTokensAllowTheLimitAndTellOnce() throws Exception {
    try (Replicas r = new Replicas()) {
      PostgresRateLimiter a = new PostgresRateLimiter(r.replica(), 5, 1_000, now::get);
      PostgresRateLimiter b = new PostgresRateLimiter(r.replica(), 5, 1_000, now::get);
      List<Callable<List<Decision>>> both = new ArrayList<>();
      for (PostgresRateLimiter l : List.of(a, b)) {
        both.add(() -> {
          List<Decision> d = new ArrayList<>();
          for (int i = 0; i < 10; i++) d.add(l.tryAcquire("U1"));
          return d;
        });
      }
      List<Decision> all = new ArrayList<>();
      Replicas.race(both).forEach(all::addAll);
      assertEquals(5, count(all, Decision.ALLOWED), all.toString());
      assertEquals(1, count(all, Decision.LIMITED_TELL), "told once across both: " + all);
      assertEquals(14, count(all, Decision.LIMITED_QUIET), all.toString());
      assertEquals(Decision.ALLOWED, a.tryAcquire("U2"), "another user has a bucket of their own");

      now.addAndGet(12_000);  // 5 a minute: one token back every 12 s
      assertEquals(Decision.ALLOWED, b.tryAcquire("U1"));
      assertEquals(Decision.LIMITED_TELL, a.tryAcquire("U1"), "dry again, told again");
    }
  }

  @Test
  void everyonesBucketHoldsAcrossReplicasAndATokenIsTakenFromBothOrNeither() throws Exception {
    try (Replicas r = new Replicas()) {
      PostgresRateLimiter a = new PostgresRateLimiter(r.replica(), 2, 3, now::get);
      PostgresRateLimiter b = new PostgresRateLimiter(r.replica(), 2, 3, now::get);
      assertEquals(Decision.ALLOWED, a.tryAcquire("U1"));
      assertEquals(Decision.ALLOWED, b.tryAcquire("U2"));
      assertEquals(Decision.ALLOWED, a.tryAcquire("U3"));
      assertEquals(Decision.LIMITED_TELL, b.tryAcquire("U4"), "three a second for everyone, on either replica");
      now.addAndGet(1_000);
      // U1 has one token left: taking it now must not have been spent by the refusal above.
      assertEquals(Decision.ALLOWED, b.tryAcquire("U1"));
      assertEquals(Decision.LIMITED_TELL, a.tryAcquire("U1"));
      assertEquals(Decision.ALLOWED, a.tryAcquire("U4", 1), "a channel's own limit");
      assertEquals(Decision.LIMITED_TELL, b.tryAcquire("U4", 1));
    }
  }

  private static long count(List<Decision> all, Decision d) {
    return all.stream().filter(d::equals).count();
  }
}
