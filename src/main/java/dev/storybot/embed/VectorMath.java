package dev.storybot.embed;

/** The little arithmetic unit vectors need: dot product (= cosine for unit vectors) and L2 normalisation. */
public final class VectorMath {

  private VectorMath() {}

  /** The dot product of two vectors of the same length; for {@link Embedder} vectors, their cosine similarity. */
  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
    }
    float sum = 0f;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }

  /** Scales {@code v} in place to unit length (left as is when it is all zeros), and returns it. */
  public static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) sum += (double) x * x;
    if (sum == 0) return v;
    float scale = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) v[i] *= scale;
    return v;
  }
}
