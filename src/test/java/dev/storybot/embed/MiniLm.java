package dev.storybot.embed;

/** all-MiniLM-L6-v2 for the embedder's and the stores' tests: loaded once per test JVM, two threads. */
final class MiniLm {

  private static OnnxEmbedder shared;

  private MiniLm() {}

  static synchronized OnnxEmbedder shared() {
    if (shared == null) shared = OnnxEmbedder.load(2);
    return shared;
  }
}
