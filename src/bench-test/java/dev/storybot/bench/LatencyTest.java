package dev.storybot.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyTest {

  private static final long MS = 1_000_000;

  @Test
  void nearestRankPercentilesOfOneToAHundredMilliseconds() {
    long[] nanos = LongStream.rangeClosed(1, 100).map(i -> (101 - i) * MS).toArray(); // descending on purpose
    long[] before = nanos.clone();
    Latency l = Latency.ofNanos(nanos);
    assertEquals(new Latency(100, 1, 50, 95, 99, 100, 50.5), l);
    assertArrayEquals(before, nanos, "the samples are left as they were");
  }

  @Test
  void smallSamplesRoundTheRankUp() {
    long[] ten = {7, 1, 9, 3, 5, 2, 10, 4, 8, 6};
    assertEquals(5, Latency.percentile(sorted(ten), 50));
    assertEquals(10, Latency.percentile(sorted(ten), 95), "rank ceil(9.5) = 10");
    assertEquals(10, Latency.percentile(sorted(ten), 99));
    assertEquals(1, Latency.percentile(sorted(ten), 1));
    Latency one = Latency.ofNanos(new long[] {3 * MS});
    assertEquals(3, one.p50());
    assertEquals(3, one.p99());
    assertEquals(3, one.min());
  }

  @Test
  void ratioOfMediansAndOfP99s() {
    Latency full = new Latency(4, 1, 3, 5, 8, 9, 4);
    Latency raw = new Latency(4, 0.5, 2, 3, 4, 6, 2.5);
    assertEquals(new Latency.Ratio(1.5, 2.0), full.over(raw));
  }

  @Test
  void refusesNoSamplesAndPercentilesOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> Latency.ofNanos(new long[0]));
    assertThrows(IllegalArgumentException.class, () -> Latency.percentile(new long[] {1}, 0));
    assertThrows(IllegalArgumentException.class, () -> Latency.percentile(new long[] {1}, 101));
  }

  private static long[] sorted(long[] values) {
    long[] s = values.clone();
    java.util.Arrays.sort(s);
    return s;
  }
}
