package dev.storybot.bench;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.Question;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times the full answer path (the one question path: {@link Question} in, {@link Answer} with its excerpts and notices
 * out) and the raw BM25 floor on the same index in the same run: interleaved question by question (alternating which
 * goes first), after a warm-up of both. Rendering the Slack reply is left to the HTTP load, which times it end to end.
 */
final class AnswerBench {

  /**
   * Latencies of both paths and their ratio.
   *
   * @param questions distinct questions asked
   * @param answeredShare share of full-path answers that found excerpts (questions are built to hit)
   * @param fullPath question to answer
   * @param rawLucene analysed terms, BooleanQuery, search top 10
   * @param ratio full path over raw Lucene
   * @param fullPathCpu the full path's CPU time on its thread: what it costs when no other process competes
   * @param rawLuceneCpu raw Lucene's CPU time on its thread
   */
  public record Result(int questions, double answeredShare, Latency fullPath, Latency rawLucene, Latency.Ratio ratio,
                       Latency fullPathCpu, Latency rawLuceneCpu) {}

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private AnswerBench() {}

  /** Asks {@code warmup} then {@code measured} questions (cycling through {@code questions}) on both paths. */
  static Result run(Answerer answerer, RawBm25 raw, List<String> questions, int warmup, int measured, int excerpts) {
    if (questions.isEmpty() || measured < 1) throw new IllegalArgumentException("nothing to measure");
    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      String q = questions.get(i % questions.size());
      sink += answerer.answer(Question.of(q).withLimit(excerpts)).excerpts().size() + raw.search(q);
    }
    long[] full = new long[measured];
    long[] floor = new long[measured];
    long[] fullCpu = new long[measured];
    long[] floorCpu = new long[measured];
    int answered = 0;
    for (int i = 0; i < measured; i++) {
      String q = questions.get(i % questions.size());
      // Alternate the order so neither path always runs with the other's data freshly cached.
      boolean rawFirst = i % 2 == 0;
      if (rawFirst) sink += time(() -> raw.search(q), floor, floorCpu, i);
      long start = System.nanoTime();
      long startCpu = CPU.getCurrentThreadCpuTime();
      Answer a = answerer.answer(Question.of(q).withLimit(excerpts));
      sink += a.excerpts().size();
      fullCpu[i] = CPU.getCurrentThreadCpuTime() - startCpu;
      full[i] = System.nanoTime() - start;
      if (a.answered()) answered++;
      if (!rawFirst) sink += time(() -> raw.search(q), floor, floorCpu, i);
    }
    if (sink == Long.MIN_VALUE) System.out.print(""); // keeps the results observable to the JIT
    Latency f = Latency.ofNanos(full);
    Latency r = Latency.ofNanos(floor);
    return new Result(Math.min(questions.size(), measured), (double) answered / measured, f, r, f.over(r),
        Latency.ofNanos(fullCpu), Latency.ofNanos(floorCpu));
  }

  private static long time(LongSupplier work, long[] wall, long[] cpu, int i) {
    long start = System.nanoTime();
    long startCpu = CPU.getCurrentThreadCpuTime();
    long result = work.getAsLong();
    cpu[i] = CPU.getCurrentThreadCpuTime() - startCpu;
    wall[i] = System.nanoTime() - start;
    return result;
  }
}
