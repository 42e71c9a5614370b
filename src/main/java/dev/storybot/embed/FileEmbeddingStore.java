package dev.storybot.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EmbeddingStore} in a folder: one append-only {@link VectorFile} ({@value #FILE}), read by position, so
 * the heap holds only the key table (27–53 bytes a vector) and never the vectors. New vectors are appended as
 * each chunk is embedded, so a crash loses at most the chunk in flight; a rewrite ({@link #compact()}, a fresh
 * file) goes to a temporary file moved into place atomically. One process at a time: {@value #LOCK} is locked.
 */
final class FileEmbeddingStore extends EmbeddingStore {

  private static final Logger log = LoggerFactory.getLogger(FileEmbeddingStore.class);

  static final String FILE = "vectors.bin";
  static final String LOCK = "vectors.lock";
  /** Records read at a time when scanning the file on open. */
  private static final int SCAN_RECORDS = 1024;

  private final Path folder;
  private final Path file;
  private final String modelId;
  private final int dimensions;
  private final int recordSize;
  private final FileChannel lockChannel;
  private final FileLock lock;
  // Lookups share the lock (reads by position are thread-safe); appends, compaction and close take it alone.
  private final ReadWriteLock rw = new ReentrantReadWriteLock();
  private FileChannel channel;
  private long headerLength;
  private KeyTable table;
  private int records;
  private BitSet asked = new BitSet();  // guarded by itself
  private boolean closed;

  private FileEmbeddingStore(Path folder, String modelId, int dimensions, FileChannel lockChannel, FileLock lock) {
    this.folder = folder;
    this.file = folder.resolve(FILE);
    this.modelId = modelId;
    this.dimensions = dimensions;
    this.recordSize = VectorFile.recordSize(dimensions);
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  static FileEmbeddingStore open(Path folder, String modelId, int dimensions) throws IOException {
    FileChannel lockChannel;
    try {
      Files.createDirectories(folder);
      lockChannel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IOException("cannot open the embedding store in " + folder + " (" + e + "): it must be a folder "
          + "this user can write", e);
    }
    try {
      FileLock lock = lockChannel.tryLock();
      if (lock == null) throw new IOException("the embedding store " + folder + " is in use by another process");
      FileEmbeddingStore store = new FileEmbeddingStore(folder, modelId, dimensions, lockChannel, lock);
      store.load();
      return store;
    } catch (OverlappingFileLockException e) {
      lockChannel.close();
      throw new IOException("the embedding store " + folder + " is already open in this process", e);
    } catch (IOException | RuntimeException e) {
      lockChannel.close();  // releases the lock too
      throw e;
    }
  }

  // Reads the file's records into the key table, or starts a fresh file when it cannot be used.
  private void load() throws IOException {
    if (!Files.exists(file)) {
      fresh();
      return;
    }
    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    VectorFile.Header header;
    try {
      header = VectorFile.readHeader(channel);
    } catch (VectorFile.CorruptException e) {
      log.warn("ignoring the damaged embedding store {} ({}); its texts will be embedded again", file, e.getMessage());
      fresh();
      return;
    }
    if (!header.modelId().equals(modelId) || header.dimensions() != dimensions) {
      log.info("the embedding store {} holds vectors of {}; starting afresh for {}", file, header.modelId(), modelId);
      fresh();
      return;
    }
    headerLength = header.length();
    long size = channel.size();
    long whole = (size - headerLength) / recordSize;
    table = new KeyTable((int) Math.min(whole, Integer.MAX_VALUE / 4));
    records = 0;
    scan:
    for (long first = 0; first < whole; first += SCAN_RECORDS) {
      int count = (int) Math.min(SCAN_RECORDS, whole - first);
      ByteBuffer chunk = VectorFile.readFully(channel, headerLength + first * recordSize, count * recordSize);
      for (int i = 0; i < count; i++) {
        chunk.position(i * recordSize);
        if (!VectorFile.intact(chunk, dimensions)) break scan;
        table.putIfAbsent(ContentKey.read(chunk), records++);
      }
    }
    long end = headerLength + (long) records * recordSize;
    if (end < size) {
      log.warn("embedding store {}: kept {} vectors, dropped {} bytes after them (a write cut short, or damage); "
          + "what they held will be embedded again", file, records, size - end);
      channel.truncate(end);
    }
  }

  // Replaces the file with an empty one (header only), atomically.
  private void fresh() throws IOException {
    if (channel != null) channel.close();
    Path tmp = Files.createTempFile(folder, FILE, ".tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer header = VectorFile.header(modelId, dimensions);
      headerLength = header.remaining();
      while (header.hasRemaining()) out.write(header);
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    table = new KeyTable(16);
    records = 0;
  }

  @Override
  void accept(Embedder embedder) {
    if (!embedder.modelId().equals(modelId) || embedder.dimensions() != dimensions) {
      throw new IllegalArgumentException("the embedding store " + folder + " is for " + modelId + " (" + dimensions
          + " dimensions), not " + embedder.modelId() + " (" + embedder.dimensions() + ")");
    }
  }

  @Override
  boolean has(ContentKey key) {
    rw.readLock().lock();
    try {
      checkOpen();
      return table.get(key) >= 0;
    } finally {
      rw.readLock().unlock();
    }
  }

  @Override
  float[] find(ContentKey key) {
    rw.readLock().lock();
    try {
      checkOpen();
      int record = table.get(key);
      if (record < 0) return null;
      ByteBuffer in = VectorFile.readFully(channel, headerLength + (long) record * recordSize, recordSize);
      if (!VectorFile.intact(in, dimensions) || !ContentKey.read(in).equals(key)) {
        log.warn("embedding store {}: record {} no longer reads back; embedding its text again", file, record);
        return null;
      }
      synchronized (asked) {
        asked.set(record);
      }
      return VectorFile.readVector(in, dimensions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding store " + file + ": " + e.getMessage(), e);
    } finally {
      rw.readLock().unlock();
    }
  }

  @Override
  List<float[]> add(List<ContentKey> keys, List<float[]> vectors) {
    List<float[]> stored = new ArrayList<>(keys.size());
    rw.writeLock().lock();
    try {
      checkOpen();
      ByteBuffer out = ByteBuffer.allocate(keys.size() * recordSize);
      int first = records;
      for (int i = 0; i < keys.size(); i++) {
        float[] v = VectorFile.writeRecord(out, keys.get(i), vectors.get(i));
        stored.add(v);
        if (!table.putIfAbsent(keys.get(i), records)) {
          out.position(out.position() - recordSize);  // stored meanwhile by another caller
          continue;
        }
        synchronized (asked) {
          asked.set(records);
        }
        records++;
      }
      out.flip();
      long position = headerLength + (long) first * recordSize;
      while (out.hasRemaining()) position += channel.write(out, position);
      return stored;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the embedding store " + file + ": " + e.getMessage(), e);
    } finally {
      rw.writeLock().unlock();
    }
  }

  @Override
  public int size() {
    rw.readLock().lock();
    try {
      return records;
    } finally {
      rw.readLock().unlock();
    }
  }

  @Override
  public int compact() throws IOException {
    rw.writeLock().lock();
    try {
      checkOpen();
      BitSet keep;
      synchronized (asked) {
        keep = asked;
        asked = new BitSet();
      }
      int dropped = records - keep.cardinality();
      if (dropped == 0) return 0;
      Path tmp = Files.createTempFile(folder, FILE, ".tmp");
      KeyTable kept = new KeyTable(keep.cardinality());
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer header = VectorFile.header(modelId, dimensions);
        while (header.hasRemaining()) out.write(header);
        int written = 0;
        for (int r = keep.nextSetBit(0); r >= 0; r = keep.nextSetBit(r + 1)) {
          ByteBuffer record = VectorFile.readFully(channel, headerLength + (long) r * recordSize, recordSize);
          kept.putIfAbsent(ContentKey.read(record.duplicate()), written++);
          while (record.hasRemaining()) out.write(record);
        }
        out.force(true);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      channel.close();
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      headerLength = VectorFile.header(modelId, dimensions).remaining();
      table = kept;
      records = kept.size();
      log.info("embedding store {}: dropped {} vectors no longer asked for, kept {}", file, dropped, records);
      return dropped;
    } finally {
      rw.writeLock().unlock();
    }
  }

  @Override
  public void close() throws IOException {
    rw.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      try (FileChannel lockHolder = lockChannel; FileChannel data = channel) {
        data.force(false);
        lock.release();
      }
    } finally {
      rw.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) throw new IllegalStateException("the embedding store " + folder + " is closed");
  }

  @Override
  public String toString() {
    return "FileEmbeddingStore[" + file + ", " + modelId + "]";
  }
}
