package dev.storybot.search.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.embed.OnnxEmbedder;
import dev.storybot.embed.VectorMath;
import dev.storybot.eval.EvalQuestion;
import dev.storybot.eval.EvalQuestions;
import dev.storybot.eval.QuoteMatch;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.Passage;
import dev.storybot.search.PassageHits;
import dev.storybot.search.QuestionAnalyzer;
import dev.storybot.search.Scope;
import dev.storybot.search.SentenceFeatures;
import dev.storybot.search.Sentences;
import dev.storybot.search.Shelf;
import dev.storybot.search.TextRange;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoader;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tuning harness (not a test): for each question of an eval file, the candidate paragraphs by BM25 and by meaning,
 * and per sentence the features the ranking could use, with a label (holds a gold answer). Writes JSON lines.
 * Usage: FeatureDump STORIES QUESTIONS OUT [VECTOR_CACHE_DIR]
 */
public final class FeatureDump {

  static final int LEXICAL = 30;
  static final int SEMANTIC = 30;

  public static void main(String[] args) throws Exception {
    Path storiesDir = Path.of(args[0]);
    List<EvalQuestion> questions = EvalQuestions.read(Path.of(args[1]));
    Path out = Path.of(args[2]);
    Path cache = args.length > 3 ? Path.of(args[3]) : Path.of("/tmp/storybot-vectors");
    List<Story> stories = StoryLoader.load(storiesDir).stories();
    ObjectMapper json = new ObjectMapper();
    String which = System.getProperty("model", "e5");
    try (dev.storybot.embed.Embedder model = which.equals("e5")
            ? OnnxEmbedder.load(dev.storybot.embed.EmbeddingModel.E5_SMALL_V2, dev.storybot.embed.EmbedderSettings.defaults())
            : OnnxEmbedder.load();
         EmbeddingStore store = EmbeddingStore.open(cache, model);
         Shelf shelf = new LuceneShelf(StoryIndex.inMemory(stories))) {
      // Sentence vectors for every paragraph, and the paragraph's mean vector.
      Map<String, float[][]> sentenceVectors = new HashMap<>();
      Map<String, float[]> meanVectors = new LinkedHashMap<>();
      Map<String, float[]> fullVectors = new LinkedHashMap<>();
      Map<String, String> texts = new HashMap<>();
      Map<String, String> titles = new HashMap<>();
      Map<String, float[]> titleVectors = new HashMap<>();
      List<float[]> tv = store.vectors(stories.stream().map(Story::title).toList(), model, (d, t) -> {}).vectors();
      for (int i = 0; i < stories.size(); i++) {
        titles.put(stories.get(i).id(), stories.get(i).title());
        titleVectors.put(stories.get(i).id(), tv.get(i));
      }
      for (Story s : stories) {
        List<String> sentences = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        for (int p = 0; p < s.paragraphs().size(); p++) {
          String text = s.paragraphs().get(p);
          List<TextRange> split = Sentences.split(text);
          spans.add(new int[] {sentences.size(), split.size()});
          for (TextRange r : split) sentences.add(r.of(text));
        }
        List<float[]> v = store.vectors(sentences, model, (d, t) -> {}).vectors();
        List<float[]> full = store.vectors(s.paragraphs(), model, (d, t) -> {}).vectors();
        for (int p = 0; p < s.paragraphs().size(); p++) {
          String key = s.id() + "#" + (p + 1);
          int[] span = spans.get(p);
          float[][] sv = new float[span[1]][];
          float[] mean = new float[model.dimensions()];
          for (int i = 0; i < span[1]; i++) {
            sv[i] = v.get(span[0] + i);
            for (int d = 0; d < mean.length; d++) mean[d] += sv[i][d];
          }
          sentenceVectors.put(key, sv);
          meanVectors.put(key, VectorMath.normalize(mean));
          fullVectors.put(key, full.get(p));
          texts.put(key, s.paragraphs().get(p));
        }
      }
      System.err.println("vectors ready: " + meanVectors.size() + " paragraphs");
      boolean single = Boolean.getBoolean("single");
      Map<String, Shelf> alone = new HashMap<>();
      if (single) {
        for (Story s : stories) {
          if (s.paragraphs().size() >= 8) alone.put(s.id().replaceAll("\\.txt$", ""), new LuceneShelf(StoryIndex.inMemory(List.of(s))));
        }
      }
      QuestionAnalyzer analyzer = new QuestionAnalyzer();
      SentenceFeatures features = new SentenceFeatures();
      int n = 0;
      try (BufferedWriter w = Files.newBufferedWriter(out)) {
        for (EvalQuestion q : questions) {
          Shelf shelfHere = single ? alone.get(q.story()) : shelf;
          if (shelfHere == null) continue;
          AnalyzedQuestion analyzed = analyzer.analyze(q.question());
          float[] qv = model.embedQuery(q.question());
          ObjectNode row = json.createObjectNode();
          row.put("id", n++);
          row.put("story", q.story());
          row.put("question", q.question());
          row.put("answerable", q.answerable());
          row.put("type", analyzed.expects().name());
          ArrayNode cands = row.putArray("candidates");
          Map<String, ObjectNode> byKey = new LinkedHashMap<>();
          PassageHits hits;
          try (Shelf.Snapshot snap = shelfHere.snapshot()) {
            AnalyzedQuestion corrected = snap.corrected(analyzed);
            analyzed = corrected;
            hits = corrected.isEmpty() ? null : snap.search(corrected, Scope.ALL, LEXICAL);
          }
          double top = hits == null || hits.passages().isEmpty() ? 1 : hits.passages().get(0).score();
          if (hits != null) {
            int rank = 0;
            for (Passage p : hits.passages()) {
              String key = p.storyId() + "#" + p.paragraph();
              ObjectNode c = cand(json, key, p.storyId(), p.paragraph());
              c.put("bm25", p.score());
              c.put("bm25rel", p.score() / top);
              c.put("bm25rank", rank++);
              byKey.put(key, c);
            }
          }
          // Meaning: brute force over every paragraph's vectors.
          List<Map.Entry<String, Float>> sims = new ArrayList<>();
          for (Map.Entry<String, float[]> e : meanVectors.entrySet()) {
            if (single && !e.getKey().startsWith(q.story() + ".txt#")) continue;
            sims.add(Map.entry(e.getKey(), VectorMath.dot(qv, e.getValue())));
          }
          sims.sort((a, b) -> Float.compare(b.getValue(), a.getValue()));
          for (int i = 0; i < SEMANTIC && i < sims.size(); i++) {
            String key = sims.get(i).getKey();
            ObjectNode c = byKey.get(key);
            if (c == null) {
              int hash = key.lastIndexOf('#');
              c = cand(json, key, key.substring(0, hash), Integer.parseInt(key.substring(hash + 1)));
              byKey.put(key, c);
            }
            c.put("semrank", i);
          }
          for (Map.Entry<String, ObjectNode> e : byKey.entrySet()) {
            String key = e.getKey();
            ObjectNode c = e.getValue();
            String text = texts.get(key);
            c.put("cosMean", VectorMath.dot(qv, meanVectors.get(key)));
            c.put("cosFull", VectorMath.dot(qv, fullVectors.get(key)));
            boolean gold = q.answerable() && c.path("story").asText().replaceAll("\\.txt$", "").equals(q.story())
                && q.paragraph() != null && q.paragraph() + 1 == c.path("paragraph").asInt();
            c.put("goldParagraph", gold);
            c.put("titleCos", VectorMath.dot(qv, titleVectors.get(c.path("story").asText())));
            if (hits != null) {
              SentenceFeatures.Row whole = features.of(text, List.of(new TextRange(0, text.length())), analyzed, hits).get(0);
              c.put("covPara", whole.coverage());
              String withTitle = titles.get(c.path("story").asText()) + "\n" + text;
              c.put("covParaTitle", features.of(withTitle, List.of(new TextRange(0, withTitle.length())), analyzed, hits).get(0).coverage());
              c.put("nameCov", features.specificCoverage(withTitle, analyzed, hits));
            }
            ArrayNode ss = c.putArray("sentences");
            float[][] sv = sentenceVectors.get(key);
            List<TextRange> split = Sentences.split(text);
            List<SentenceFeatures.Row> rows = hits == null ? List.of() : features.of(text, split, analyzed, hits);
            for (int i = 0; i < split.size(); i++) {
              ObjectNode s = ss.addObject();
              s.put("cos", VectorMath.dot(qv, sv[i]));
              if (!rows.isEmpty()) {
                SentenceFeatures.Row r = rows.get(i);
                s.put("cov", r.coverage());
                s.put("covNext", r.coverageWithNext());
                s.put("dens", r.density());
                s.put("type", r.typeOffered());
                s.put("typeCount", r.typeCount());
              }
              s.put("len", split.get(i).length());
              s.put("pos", i);
              String sentence = split.get(i).of(text);
              s.put("label", q.answerable() && QuoteMatch.hits(sentence, q.answers()));
              String next = i + 1 < split.size() ? text.substring(split.get(i).start(), split.get(i + 1).end()) : sentence;
              s.put("labelNext", q.answerable() && QuoteMatch.hits(next, q.answers()));
            }
            cands.add(c);
          }
          w.write(json.writeValueAsString(row));
          w.newLine();
          if (n % 200 == 0) System.err.println(n + " questions");
        }
      }
    }
  }

  private static ObjectNode cand(ObjectMapper json, String key, String story, int paragraph) {
    ObjectNode c = json.createObjectNode();
    c.put("key", key);
    c.put("story", story);
    c.put("paragraph", paragraph);
    return c;
  }
}
