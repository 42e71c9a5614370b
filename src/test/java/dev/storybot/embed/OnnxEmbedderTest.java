package dev.storybot.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {

  static final String QUESTION = "Which countries did the trip cover?";
  static final String ANSWER = "Blinken visited Israel, Jordan, the West Bank, Iraq and Turkey.";
  static final String UNRELATED = "The detour adds about 12 minutes to the morning commute.";

  static final List<String> SENTENCES = List.of(
      QUESTION, ANSWER, UNRELATED,
      "Secretary of State Antony Blinken arrived in Ankara on Saturday.",
      "The harbour bridge will close for repairs next spring.",
      "Firefighters saved most of the library's rare books.",
      "Apples",
      "The orchard's harvest was the largest in a decade, growers said, thanks to a wet spring and a warm, dry "
          + "summer that let the fruit ripen slowly on the trees.");

  static OnnxEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = MiniLm.shared();
  }

  @Test
  void matchesTheStockLangchain4jModelWithin1e4() {
    AllMiniLmL6V2QuantizedEmbeddingModel stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
    for (String s : SENTENCES) {
      float[] ours = embedder.embed(s);
      float[] theirs = stock.embed(s).content().vector();
      assertEquals(theirs.length, ours.length);
      for (int i = 0; i < ours.length; i++) {
        assertEquals(theirs[i], ours[i], 1e-4, "dimension " + i + " of \"" + s + "\"");
      }
    }
  }

  @Test
  void unitVectorsOfTheModelsDimensions() {
    assertEquals(384, embedder.dimensions());
    for (float[] v : embedder.embedAll(SENTENCES)) {
      assertEquals(embedder.dimensions(), v.length);
      assertEquals(1.0, VectorMath.dot(v, v), 1e-5);
    }
  }

  @Test
  void theSameInputGivesTheSameVectors() {
    assertArrayEquals(embedder.embed(ANSWER), embedder.embed(ANSWER));
    List<float[]> first = embedder.embedAll(SENTENCES);
    List<float[]> second = embedder.embedAll(SENTENCES);
    for (int i = 0; i < SENTENCES.size(); i++) assertArrayEquals(first.get(i), second.get(i), SENTENCES.get(i));
  }

  @Test
  void aQuestionIsCloserToTheSentenceThatAnswersItThanToAnUnrelatedOne() {
    float[] q = embedder.embed(QUESTION);
    assertTrue(VectorMath.dot(q, embedder.embed(ANSWER)) > VectorMath.dot(q, embedder.embed(UNRELATED)));
    float[] fire = embedder.embed("Was anything saved from the fire?");
    assertTrue(VectorMath.dot(fire, embedder.embed(SENTENCES.get(5))) > VectorMath.dot(fire, embedder.embed(ANSWER)));
  }

  @Test
  void batchedVectorsComeBackInInputOrderAndNearTheSingleOnes() {
    // embedAll sorts by length into batches; the int8 model quantises activations per batch, so batched vectors
    // differ a little from single ones, but each must still be nearest to its own text's single vector.
    List<String> shuffled = new ArrayList<>(SENTENCES);
    Collections.shuffle(shuffled, new java.util.Random(1));
    try (OnnxEmbedder batched = OnnxEmbedder.load(EmbedderSettings.withThreads(2).withBatchSize(4))) {
      List<float[]> vectors = batched.embedAll(shuffled);
      for (int i = 0; i < shuffled.size(); i++) {
        float[] single = embedder.embed(shuffled.get(i));
        float own = VectorMath.dot(single, vectors.get(i));
        assertTrue(own > 0.95f, "batched vector of \"" + shuffled.get(i) + "\" is near its single one: " + own);
        for (int j = 0; j < shuffled.size(); j++) {
          if (j != i) assertTrue(VectorMath.dot(single, vectors.get(j)) < own, shuffled.get(i) + " vs " + shuffled.get(j));
        }
      }
    }
  }

  @Test
  void theTokenBudgetCutsBatchesShort() {
    // A budget smaller than any two texts: every run holds one text, so embedAll equals embed exactly.
    try (OnnxEmbedder oneByOne = OnnxEmbedder.load(EmbedderSettings.withThreads(2).withBatchTokens(4))) {
      List<float[]> vectors = oneByOne.embedAll(SENTENCES);
      for (int i = 0; i < SENTENCES.size(); i++) assertArrayEquals(embedder.embed(SENTENCES.get(i)), vectors.get(i));
    }
  }

  @Test
  void textBeyondTheTokenLimitIsCutOff() {
    String longText = String.join(" ", Collections.nCopies(OnnxEmbedder.MAX_TOKENS, "harbour"));
    float[] cut = embedder.embed(longText);
    assertArrayEquals(cut, embedder.embed(longText + " " + ANSWER), "words past the limit change nothing");
    assertTrue(VectorMath.dot(embedder.embed(ANSWER), embedder.embed("harbour " + ANSWER)) < 0.9999f,
        "while words within it do");
  }

  @Test
  void concurrentCallersGetTheVectorsACallerAloneGets() throws Exception {
    List<float[]> alone = embedder.embedAll(SENTENCES);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<float[]>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          start.await();
          List<float[]> all = new ArrayList<>();
          for (int round = 0; round < 3; round++) all = embedder.embedAll(SENTENCES);
          return all;
        }));
      }
      start.countDown();
      for (Future<List<float[]>> f : results) {
        List<float[]> got = f.get(2, TimeUnit.MINUTES);
        for (int i = 0; i < SENTENCES.size(); i++) assertArrayEquals(alone.get(i), got.get(i), SENTENCES.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emptyAndBlankTextsAreFineNullIsNot() {
    assertEquals(List.of(), embedder.embedAll(List.of()));
    assertEquals(384, embedder.embed("").length);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> embedder.embedAll(java.util.Arrays.asList("a", null)));
    assertTrue(e.getMessage().contains("text 1 of 2"), e.getMessage());
  }

  @Test
  void aClosedEmbedderRefusesWork() {
    OnnxEmbedder e = OnnxEmbedder.load(1);
    assertTrue(e.modelId().startsWith("all-MiniLM-L6-v2-q/"), e.modelId());
    assertEquals(embedder.modelId(), e.modelId(), "the id names the model, not the instance");
    e.close();
    e.close();  // twice is fine
    assertThrows(IllegalStateException.class, () -> e.embed(ANSWER));
  }

  @Test
  void settingsRejectNonsense() {
    assertThrows(IllegalArgumentException.class, () -> EmbedderSettings.withThreads(0));
    assertThrows(IllegalArgumentException.class, () -> EmbedderSettings.defaults().withBatchTokens(0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EmbedderSettings.defaults().withBatchSize(-3));
    assertTrue(e.getMessage().contains("-3"), e.getMessage());
  }
}
