package dev.storybot.embed;

import java.util.List;

/**
 * Run by {@link EmbedJarIT} with only target/storybot.jar (and this class) on the classpath: loads the model the
 * way the application does and prints what the test checks, one {@code key=value} a line.
 */
public final class JarProbe {

  private JarProbe() {}

  public static void main(String[] args) {
    // The model the application ships (the jar carries no other).
    try (OnnxEmbedder embedder = OnnxEmbedder.load(EmbeddingModel.E5_SMALL_V2, EmbedderSettings.withThreads(2))) {
      List<float[]> v = List.of(embedder.embedQuery(OnnxEmbedderTest.QUESTION), embedder.embed(OnnxEmbedderTest.ANSWER),
          embedder.embed(OnnxEmbedderTest.UNRELATED));
      System.out.println("codeSource=" + OnnxEmbedder.class.getProtectionDomain().getCodeSource().getLocation());
      System.out.println("dimensions=" + v.get(0).length);
      System.out.println("answerCloser=" + (VectorMath.dot(v.get(0), v.get(1)) > VectorMath.dot(v.get(0), v.get(2))));
      System.out.println("nativeDir=" + System.getProperty(NativeLibraries.ENGINE_CACHE_DIR));
    }
  }
}
