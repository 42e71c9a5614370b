package dev.storybot.bench;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.Question;
import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.config.SolrSettings;
import dev.storybot.embed.Embedder;
import dev.storybot.index.InProcessRebuildLock;
import dev.storybot.index.IndexStats;
import dev.storybot.index.VectorSource;
import dev.storybot.solr.SolrShelf;
import dev.storybot.story.Story;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same corpus on a SolrCloud beside the embedded index: its indexing into a new generation of an alias, then the
 * one question path through each shelf, interleaved question by question after a warm-up of both, and how many of
 * the distinct questions get the same answer from both (all of them, when the translation is faithful).
 */
final class SolrBench {

  /**
   * What Solr cost beside the embedded index.
   *
   * @param alias the alias the corpus went to (kept afterwards; the next run replaces its collection)
   * @param indexSeconds from the first story sent to the alias moved, collection creation and commit included
   * @param paragraphs paragraphs indexed
   * @param questions distinct questions compared
   * @param sameAnswers of which both shelves answered alike (excerpts, scores, notes, nearest headlines)
   * @param embedded the embedded shelf's full path, measured in this run
   * @param solr Solr's full path (every request to Solr on loopback included)
   * @param ratio Solr over embedded
   */
  public record Result(String alias, double indexSeconds, int paragraphs, int questions, int sameAnswers,
                       Latency embedded, Latency solr, Latency.Ratio ratio) {}

  private SolrBench() {}

  /**
   * Indexes {@code corpus} into alias {@code alias} at {@code urls}, with the vectors of {@code vectors} (null: words
   * alone) as the embedded index was, then times both shelves on {@code questions}, Solr's answered with
   * {@code embedder} as the embedded one is (null: by words).
   */
  static Result run(String urls, String alias, Path corpus, CorpusManifest manifest, Answerer embedded,
                    VectorSource vectors, Embedder embedder, List<String> questions, int warmup, int measured,
                    int excerpts) throws IOException {
    List<Story> stories = new ArrayList<>();
    new CorpusStories(corpus, manifest).forEach(stories::add);
    try (SolrShelf shelf = SolrShelf.connect(SolrSettings.parse(urls, alias))) {
      long start = System.nanoTime();
      IndexStats stats = shelf.rebuilder(new InProcessRebuildLock(), false, vectors).rebuild(stories);
      double indexSeconds = (System.nanoTime() - start) / 1e9;
      stories.clear();
      Answerer solr = new ShelfAnswerer(shelf, embedder);
      int same = 0;
      for (String q : questions) if (ask(embedded, q, excerpts).equals(ask(solr, q, excerpts))) same++;
      for (int i = 0; i < warmup; i++) {
        ask(embedded, questions.get(i % questions.size()), excerpts);
        ask(solr, questions.get(i % questions.size()), excerpts);
      }
      long[] local = new long[measured];
      long[] remote = new long[measured];
      for (int i = 0; i < measured; i++) {
        String q = questions.get(i % questions.size());
        // Alternate the order so neither path always runs with the other's data freshly cached.
        if (i % 2 == 0) {
          remote[i] = time(solr, q, excerpts);
          local[i] = time(embedded, q, excerpts);
        } else {
          local[i] = time(embedded, q, excerpts);
          remote[i] = time(solr, q, excerpts);
        }
      }
      Latency e = Latency.ofNanos(local);
      Latency s = Latency.ofNanos(remote);
      return new Result(alias, indexSeconds, stats.paragraphs(), questions.size(), same, e, s, s.over(e));
    }
  }

  private static Answer ask(Answerer answerer, String q, int excerpts) {
    return answerer.answer(Question.of(q).withLimit(excerpts));
  }

  private static long time(Answerer answerer, String q, int excerpts) {
    long start = System.nanoTime();
    ask(answerer, q, excerpts);
    return System.nanoTime() - start;
  }
}
