package dev.storybot.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What `bench load` serves: the generated corpus (reused when its size and seed match), an index of it built here
 * for sampling questions, and the index `serve` opens — built by the served build itself when that is another jar,
 * so that its own schema reads it.
 *
 * @param questionIndex the index questions are sampled from
 * @param serveIndex the index `serve` opens
 * @param classPath the served build's class path
 */
record LoadSetup(Path questionIndex, Path serveIndex, String classPath) {

  /** Generates or reuses the corpus in {@code work} and builds both indexes. */
  static LoadSetup prepare(Path work, int paragraphs, long seed, Path serveJar, PrintWriter progress)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path corpus = work.resolve(String.format(Locale.ROOT, "corpus-%d-seed%d", paragraphs, seed));
    CorpusManifest m = Files.isDirectory(corpus) ? CorpusManifest.read(corpus) : null;
    if (m == null || m.paragraphs() != paragraphs || m.seed() != seed) {
      progress.println("bench load: generating the corpus in " + corpus);
      progress.flush();
      m = new CorpusGenerator(seed).generate(corpus, paragraphs);
    }
    Path questions = work.resolve("load-questions-" + paragraphs);
    if (!Files.isDirectory(questions)) IndexingBench.run(corpus, m, questions);
    if (serveJar == null) return new LoadSetup(questions, questions, System.getProperty("java.class.path"));
    Path served = work.resolve("load-index-" + paragraphs + "-" + Integer.toHexString(serveJar.toAbsolutePath().hashCode()));
    String classPath = serveJar.toAbsolutePath().toString();
    progress.println("bench load: indexing with " + serveJar);
    progress.flush();
    Path err = work.resolve("load-index.err");
    Process p = ChildJvm.builder(classPath, List.of(), List.of("index", "--stories", corpus.toString(), "--index",
        served.toString()), err, Map.of(), System.getenv()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(serveJar + " could not index the corpus: " + ChildJvm.tail(err));
    }
    return new LoadSetup(questions, served, classPath);
  }
}
