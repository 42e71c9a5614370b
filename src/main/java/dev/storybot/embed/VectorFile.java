package dev.storybot.embed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The store's file format, version 1. A header, then fixed-size records appended one after another:
 *
 * <pre>
 * header:  "STORYVEC" | version int32 | dimensions int32 | model id length int16 | model id UTF-8 | CRC32 int32
 * record:  SHA-256 key (32 bytes) | scale float32 | dimensions × int8 | CRC32 int32 of the bytes before it
 * </pre>
 *
 * <p>Big-endian. A vector is stored as signed bytes times one scale (its largest magnitude / 127): a quarter of
 * the size of floats, and the cosine between a vector and its stored form was ≥ 0.9999 for every sentence measured.
 * Any bad header is a file to ignore; a record that fails its CRC ends the readable part of the file.
 */
final class VectorFile {

  private static final byte[] MAGIC = "STORYVEC".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  private static final int MAX_MODEL_ID_BYTES = 1024;

  private VectorFile() {}

  /** What a header says. */
  record Header(String modelId, int dimensions, int length) {}

  /** A file that is not (or no longer) in this format. */
  static final class CorruptException extends IOException {
    CorruptException(String message) {
      super(message);
    }
  }

  static int recordSize(int dimensions) {
    return ContentKey.BYTES + Float.BYTES + dimensions + Integer.BYTES;
  }

  static ByteBuffer header(String modelId, int dimensions) {
    byte[] id = modelId.getBytes(StandardCharsets.UTF_8);
    if (id.length > MAX_MODEL_ID_BYTES) throw new IllegalArgumentException("model id too long: " + modelId);
    ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + 4 + 2 + id.length + 4);
    out.put(MAGIC).putInt(VERSION).putInt(dimensions).putShort((short) id.length).put(id);
    out.putInt(crc(out.array(), out.position()));
    return out.flip();
  }

  static Header readHeader(FileChannel channel) throws IOException {
    ByteBuffer fixed = readFully(channel, 0, MAGIC.length + 4 + 4 + 2);
    byte[] magic = new byte[MAGIC.length];
    fixed.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) throw new CorruptException("not a storybot vector file");
    int version = fixed.getInt();
    if (version != VERSION) throw new CorruptException("format version " + version + ", expected " + VERSION);
    int dimensions = fixed.getInt();
    int idLength = fixed.getShort();
    if (dimensions < 1 || idLength < 0 || idLength > MAX_MODEL_ID_BYTES) {
      throw new CorruptException("impossible header: " + dimensions + " dimensions, model id of " + idLength + " bytes");
    }
    ByteBuffer rest = readFully(channel, fixed.limit(), idLength + 4);
    byte[] all = new byte[fixed.limit() + idLength];
    System.arraycopy(fixed.array(), 0, all, 0, fixed.limit());
    rest.get(all, fixed.limit(), idLength);
    if (rest.getInt() != crc(all, all.length)) throw new CorruptException("header checksum mismatch");
    String modelId = new String(all, fixed.limit(), idLength, StandardCharsets.UTF_8);
    return new Header(modelId, dimensions, all.length + 4);
  }

  /** Appends the record of {@code vector} to {@code out} and returns the vector as it will read back. */
  static float[] writeRecord(ByteBuffer out, ContentKey key, float[] vector) {
    int start = out.position();
    key.write(out);
    float max = 0f;
    for (float x : vector) max = Math.max(max, Math.abs(x));
    float scale = max == 0f ? 1f : max / 127f;
    out.putFloat(scale);
    float[] stored = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      int q = Math.round(vector[i] / scale);
      out.put((byte) q);
      stored[i] = q * scale;
    }
    out.putInt(crc(out, start, out.position() - start));
    return stored;
  }

  /** True when the record starting at {@code in}'s position passes its CRC; the position is left unchanged. */
  static boolean intact(ByteBuffer in, int dimensions) {
    int start = in.position();
    int body = recordSize(dimensions) - Integer.BYTES;
    return in.getInt(start + body) == crc(in, start, body);
  }

  /** Reads the vector of the record at {@code in}'s position (its key already read), moving past the record. */
  static float[] readVector(ByteBuffer in, int dimensions) {
    float scale = in.getFloat();
    float[] v = new float[dimensions];
    for (int i = 0; i < dimensions; i++) v[i] = in.get() * scale;
    in.getInt();  // the CRC, checked by intact()
    return v;
  }

  static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new CorruptException("file ends " + buffer.remaining() + " bytes early");
      }
    }
    return buffer.flip();
  }

  private static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  private static int crc(ByteBuffer buffer, int start, int length) {
    CRC32 crc = new CRC32();
    crc.update(buffer.duplicate().position(start).limit(start + length));
    return (int) crc.getValue();
  }
}
