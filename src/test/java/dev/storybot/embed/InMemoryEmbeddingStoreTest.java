package dev.storybot.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InMemoryEmbeddingStoreTest {

  static OnnxEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = MiniLm.shared();
  }

  @Test
  void reusesWhatItHoldsAndCompactsToWhatWasAskedFor() throws Exception {
    List<String> texts = FileEmbeddingStoreTest.TEXTS;
    try (EmbeddingStore store = EmbeddingStore.inMemory()) {
      Embeddings first = store.vectors(texts, embedder, ProgressListener.none());
      assertEquals(texts.size(), first.embedded());
      Embeddings again = store.vectors(texts, embedder, ProgressListener.none());
      assertEquals(texts.size(), again.reused());
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(embedder.embedAll(texts).get(i), again.vectors().get(i), "exact: nothing is quantised");
      }
      again.vectors().get(0)[0] = 42f;  // a caller scribbling on its copy
      assertArrayEquals(first.vectors().get(0), store.vectors(texts, embedder, ProgressListener.none()).vectors().get(0));

      assertEquals(0, store.compact());
      store.vectors(texts.subList(0, 2), embedder, ProgressListener.none());
      assertEquals(texts.size() - 2, store.compact());
      assertEquals(2, store.size());
    }
  }

  @Test
  void aClosedStoreRefusesWork() throws Exception {
    EmbeddingStore store = EmbeddingStore.inMemory();
    store.close();
    assertThrows(IllegalStateException.class, () -> store.vectors(List.of("x"), embedder, ProgressListener.none()));
  }
}
