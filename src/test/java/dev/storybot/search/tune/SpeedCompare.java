package dev.storybot.search.tune;

import dev.storybot.embed.Embedder;
import dev.storybot.embed.OnnxEmbedder;
import dev.storybot.search.Sentences;
import dev.storybot.search.TextRange;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tuning only: sentences/s of MiniLM and e5-small side by side, interleaved rounds, wall and CPU. */
public final class SpeedCompare {
  public static void main(String[] args) throws Exception {
    List<String> sentences = new ArrayList<>();
    for (Story s : StoryLoader.load(Path.of(args[0])).stories()) {
      for (String p : s.paragraphs()) for (TextRange r : Sentences.split(p)) sentences.add(r.of(p));
    }
    sentences = sentences.subList(0, Math.min(Integer.parseInt(args[1]), sentences.size()));
    List<String> questions = List.of("Which countries did the trip cover?", "Who is the current Premier of Victoria?",
        "How big a raise did the dockworkers get?", "What did the mayor say about the budget?");
    try (Embedder mini = OnnxEmbedder.load(); Embedder e5 = OnnxEmbedder.load(dev.storybot.embed.EmbeddingModel.E5_SMALL_V2, dev.storybot.embed.EmbedderSettings.defaults())) {
      for (int round = 0; round < 3; round++) {
        for (Embedder m : List.of(mini, e5)) {
          var cpu = ManagementFactory.getThreadMXBean();
          long t0 = System.nanoTime();
          m.embedAll(sentences);
          long t1 = System.nanoTime();
          long q0 = System.nanoTime();
          for (int i = 0; i < 50; i++) m.embedQuery(questions.get(i % questions.size()));
          long q1 = System.nanoTime();
          System.out.printf("round %d %-40s %.0f sentences/s, question %.1f ms%n", round, m.modelId(),
              sentences.size() / ((t1 - t0) / 1e9), (q1 - q0) / 50 / 1e6);
        }
      }
    }
  }
}
