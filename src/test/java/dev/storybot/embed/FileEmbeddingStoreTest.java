package dev.storybot.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.testing.LogCapture;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEmbeddingStoreTest {

  static final List<String> TEXTS = List.of(
      "The harbour bridge will close for repairs next spring.",
      "Firefighters saved most of the library's rare books.",
      "Blinken visited Israel, Jordan, the West Bank, Iraq and Turkey.",
      "The orchard's harvest was the largest in a decade.",
      "The council meets again on Tuesday.");

  static OnnxEmbedder embedder;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    embedder = MiniLm.shared();
  }

  private Embeddings vectors(List<String> texts) throws IOException {
    try (EmbeddingStore store = EmbeddingStore.open(dir, embedder)) {
      return store.vectors(texts, embedder, ProgressListener.none());
    }
  }

  @Test
  void vectorsSurviveReopeningAndOnlyNewOrChangedTextIsEmbedded() throws IOException {
    Embeddings first = vectors(TEXTS);
    assertEquals(TEXTS.size(), first.embedded());
    assertEquals(0, first.reused());

    Embeddings again = vectors(TEXTS);
    assertEquals(0, again.embedded());
    assertEquals(TEXTS.size(), again.reused());
    for (int i = 0; i < TEXTS.size(); i++) assertArrayEquals(first.vectors().get(i), again.vectors().get(i));

    List<String> edited = new ArrayList<>(TEXTS);
    edited.set(1, "Firefighters saved all of the library's rare books.");
    edited.add("A new paragraph arrived.");
    edited.add("A new paragraph arrived.");
    try (EmbeddingStore store = EmbeddingStore.open(dir, embedder)) {
      assertEquals(2, store.missing(edited, embedder), "counted before embedding: one changed, one new (twice)");
    }
    Embeddings third = vectors(edited);
    assertEquals(2, third.embedded());
    assertEquals(TEXTS.size(), third.reused(), "the unchanged ones and the repeated new one");
  }

  @Test
  void storedVectorsStayTrueToTheModel() throws IOException {
    List<float[]> stored = vectors(TEXTS).vectors();
    List<float[]> model = embedder.embedAll(TEXTS);  // the same batches the store asked for
    for (int i = 0; i < TEXTS.size(); i++) {
      float[] fresh = model.get(i);
      float[] v = stored.get(i);
      float cosine = VectorMath.dot(fresh, v) / (float) Math.sqrt(VectorMath.dot(v, v));
      assertTrue(cosine > 0.999f, "int8 storage keeps the direction: " + cosine);
    }
  }

  @Test
  void aRepeatedTextIsEmbeddedOnceAndProgressCountsTheTextsToEmbed() throws IOException {
    int n = EmbeddingStore.CHUNK + 10;
    List<String> texts = new ArrayList<>();
    IntStream.range(0, n).forEach(i -> texts.add("Note number " + i + " about the harbour."));
    texts.add(texts.get(3));
    List<int[]> reports = new ArrayList<>();
    try (EmbeddingStore store = EmbeddingStore.open(dir, embedder)) {
      Embeddings e = store.vectors(texts, embedder, (done, total) -> reports.add(new int[] {done, total}));
      assertEquals(n, e.embedded());
      assertEquals(1, e.reused());
      assertArrayEquals(e.vectors().get(3), e.vectors().get(n));
      assertEquals(n, store.size());
    }
    assertEquals(2, reports.size(), "one report a chunk");
    assertArrayEquals(new int[] {EmbeddingStore.CHUNK, n}, reports.get(0));
    assertArrayEquals(new int[] {n, n}, reports.get(1));
  }

  @Test
  void aPartialLastRecordIsDroppedWithAWarning() throws IOException {
    vectors(TEXTS);
    Path file = dir.resolve(FileEmbeddingStore.FILE);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() - 7);  // a write cut short
    }
    try (LogCapture log = LogCapture.start()) {
      Embeddings e = vectors(TEXTS);
      assertEquals(1, e.embedded());
      assertEquals(TEXTS.size() - 1, e.reused());
      assertTrue(log.text().contains("kept " + (TEXTS.size() - 1) + " vectors"), log.text());
    }
    assertEquals(0, vectors(TEXTS).embedded(), "the file is whole again");
  }

  @Test
  void aDamagedRecordEndsWhatIsKept() throws IOException {
    vectors(TEXTS);
    Path file = dir.resolve(FileEmbeddingStore.FILE);
    long recordSize = VectorFile.recordSize(embedder.dimensions());
    long headerLength = Files.size(file) - TEXTS.size() * recordSize;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long inThirdRecord = headerLength + 2 * recordSize + 100;
      raf.seek(inThirdRecord);
      int b = raf.read();
      raf.seek(inThirdRecord);
      raf.write(b ^ 0x40);
    }
    try (LogCapture log = LogCapture.start()) {
      Embeddings e = vectors(TEXTS);
      assertEquals(TEXTS.size() - 2, e.embedded(), "the damaged record and the ones after it");
      assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("kept 2 vectors")), log.text());
    }
  }

  @Test
  void aFileThatIsNotAStoreIsIgnoredWithAWarningAndReplaced() throws IOException {
    Files.writeString(dir.resolve(FileEmbeddingStore.FILE), "definitely not vectors");
    try (LogCapture log = LogCapture.start()) {
      assertEquals(TEXTS.size(), vectors(TEXTS).embedded());
      assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("damaged")), log.text());
    }
    assertEquals(TEXTS.size(), vectors(TEXTS).reused());
  }

  @Test
  void aDamagedHeaderOrAnEmptyFileIsIgnoredToo() throws IOException {
    vectors(TEXTS);
    Path file = dir.resolve(FileEmbeddingStore.FILE);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(14);  // inside the dimensions
      raf.write(0x7f);
    }
    assertEquals(TEXTS.size(), vectors(TEXTS).embedded());
    Files.write(file, new byte[0]);
    assertEquals(TEXTS.size(), vectors(TEXTS).embedded());
  }

  @Test
  void vectorsOfAnotherModelAreNotReused() throws IOException {
    try (EmbeddingStore other = FileEmbeddingStore.open(dir, "some-other-model", embedder.dimensions())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> other.vectors(TEXTS, embedder, ProgressListener.none()));
      assertTrue(e.getMessage().contains("some-other-model"), e.getMessage());
    }
    try (LogCapture log = LogCapture.start()) {
      assertEquals(TEXTS.size(), vectors(TEXTS).embedded());
      assertTrue(log.text().contains("holds vectors of some-other-model"), log.text());
    }
  }

  @Test
  void oneOpenerAtATime() throws IOException {
    try (EmbeddingStore store = EmbeddingStore.open(dir, embedder)) {
      IOException e = assertThrows(IOException.class, () -> EmbeddingStore.open(dir, embedder));
      assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
      store.vectors(TEXTS.subList(0, 1), embedder, ProgressListener.none());
    }
    assertEquals(1, vectors(TEXTS.subList(0, 1)).reused(), "closed: open again");
  }

  @Test
  void aFolderThatCannotBeWrittenIsAClearError() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    IOException e = assertThrows(IOException.class, () -> EmbeddingStore.open(file.resolve("vectors"), embedder));
    assertTrue(e.getMessage().contains("must be a folder this user can write"), e.getMessage());
  }

  @Test
  void aClosedStoreRefusesWork() throws IOException {
    EmbeddingStore store = EmbeddingStore.open(dir, embedder);
    store.close();
    store.close();
    assertThrows(IllegalStateException.class, () -> store.vectors(TEXTS, embedder, ProgressListener.none()));
  }

  @Test
  void compactionKeepsOnlyWhatWasAskedForSinceOpening() throws IOException {
    vectors(TEXTS);
    List<String> kept = TEXTS.subList(0, 3);
    try (EmbeddingStore store = EmbeddingStore.open(dir, embedder)) {
      assertEquals(kept.size(), store.vectors(kept, embedder, ProgressListener.none()).reused());
      assertEquals(TEXTS.size() - kept.size(), store.compact());
      assertEquals(kept.size(), store.size());
      assertEquals(kept.size(), store.vectors(kept, embedder, ProgressListener.none()).reused(), "still readable");
      assertEquals(0, store.compact(), "everything left was asked for again");
    }
    Embeddings after = vectors(TEXTS);
    assertEquals(kept.size(), after.reused());
    assertEquals(TEXTS.size() - kept.size(), after.embedded());
    long recordSize = VectorFile.recordSize(embedder.dimensions());
    long header = VectorFile.header(embedder.modelId(), embedder.dimensions()).remaining();
    assertEquals(header + TEXTS.size() * recordSize, Files.size(dir.resolve(FileEmbeddingStore.FILE)));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(FileEmbeddingStore.FILE, FileEmbeddingStore.LOCK),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
    }
  }

  @Test
  void concurrentPassesAgreeAndStoreEachTextOnce() throws Exception {
    List<String> texts = new ArrayList<>();
    IntStream.range(0, 40).forEach(i -> texts.add("Line " + i + " of the council minutes."));
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (EmbeddingStore store = EmbeddingStore.open(dir, embedder)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Embeddings>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<String> mine = texts.subList(t * 5, t * 5 + 20);  // overlapping slices
        results.add(pool.submit(() -> {
          start.await();
          return store.vectors(mine, embedder, ProgressListener.none());
        }));
      }
      start.countDown();
      List<Embeddings> done = new ArrayList<>();
      for (Future<Embeddings> f : results) done.add(f.get(2, TimeUnit.MINUTES));
      assertEquals(35, store.size(), "texts 0..34, each stored once");
      Embeddings all = store.vectors(texts.subList(0, 35), embedder, ProgressListener.none());
      assertEquals(35, all.reused());
      for (int t = 0; t < threads; t++) {
        for (int i = 0; i < 20; i++) {
          float cosine = VectorMath.dot(done.get(t).vectors().get(i), all.vectors().get(t * 5 + i));
          assertTrue(cosine > 0.95f, "thread " + t + ", text " + i + ": " + cosine);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(35, vectors(texts.subList(0, 35)).reused());
  }
}
