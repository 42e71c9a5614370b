package dev.storybot.embed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** The SHA-256 of a model id and a text: the same text under the same model always finds the same stored vector. */
final class ContentKey {

  static final int BYTES = 32;

  private final byte[] hash;

  private ContentKey(byte[] hash) {
    this.hash = hash;
  }

  static ContentKey of(String modelId, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(modelId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);  // "ab"+"c" and "a"+"bc" must not meet
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return new ContentKey(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }

  static ContentKey read(ByteBuffer in) {
    byte[] hash = new byte[BYTES];
    in.get(hash);
    return new ContentKey(hash);
  }

  void write(ByteBuffer out) {
    out.put(hash);
  }

  /** The first 8 bytes, as a long: uniformly distributed, so a good hash-table slot. */
  long high() {
    return ByteBuffer.wrap(hash, 0, 8).getLong();
  }

  /** Bytes 8 to 15: with {@link #high()}, 128 bits tell keys apart for any store of realistic size. */
  long low() {
    return ByteBuffer.wrap(hash, 8, 8).getLong();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentKey other && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return (int) high();
  }
}
