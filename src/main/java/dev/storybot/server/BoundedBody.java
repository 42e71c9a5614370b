package dev.storybot.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads a request body into memory, never more than a cap, so a lying or chunked client cannot exhaust the heap. */
final class BoundedBody {

  /** The body went past the cap; what was read so far is dropped. */
  static final class TooLargeException extends IOException {
    TooLargeException(long max) {
      super("body larger than " + max + " bytes");
    }
  }

  private BoundedBody() {}

  /** All of {@code in}, or {@link TooLargeException} as soon as it passes {@code max} bytes. */
  static byte[] read(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[8192];
    long total = 0;
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      total += n;
      if (total > max) throw new TooLargeException(max);
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** True when {@code bytes} are well-formed UTF-8. */
  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
