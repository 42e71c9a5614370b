package dev.storybot.bench;

import java.util.Arrays;

/**
 * Latency percentiles of one measured path, in milliseconds. Percentiles are nearest-rank: the smallest sample with
 * at least p% of the samples at or below it, so every figure is a time that was actually measured.
 *
 * @param count samples
 * @param min fastest
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max slowest
 * @param mean arithmetic mean
 */
public record Latency(int count, double min, double p50, double p95, double p99, double max, double mean) {

  /** The percentiles of {@code nanos} (not modified). */
  public static Latency ofNanos(long[] nanos) {
    if (nanos.length == 0) throw new IllegalArgumentException("no samples to take percentiles of");
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) sum += n;
    return new Latency(sorted.length, ms(sorted[0]), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
        ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]), sum / sorted.length / 1e6);
  }

  /** Nearest-rank percentile of ascending {@code sorted}. */
  static long percentile(long[] sorted, double p) {
    if (p <= 0 || p > 100) throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** How many times slower this is than {@code floor} at the median and at p99. */
  public Ratio over(Latency floor) {
    return new Ratio(p50 / floor.p50, p99 / floor.p99);
  }

  /**
   * One path's latency over another's.
   *
   * @param p50 ratio of the medians
   * @param p99 ratio of the 99th percentiles
   */
  public record Ratio(double p50, double p99) {}

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
