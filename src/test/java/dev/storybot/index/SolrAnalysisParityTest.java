package dev.storybot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase.AnalysisPhase;
import org.apache.solr.client.solrj.response.AnalysisResponseBase.TokenInfo;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Solr's analysis of the storybot configset equals {@link IndexSchema#analyzer()} token for token (term, position,
 * offsets), at index and at query time, for text, title and textExact: the condition for one question to find the
 * same paragraphs through either index.
 */
@ExtendWith(SolrClusterExtension.class)
class SolrAnalysisParityTest {

  static final String COLLECTION = "analysis_parity";
  static final List<String> FIELDS = List.of(IndexSchema.TEXT, IndexSchema.TITLE, IndexSchema.TEXT_EXACT);

  static SolrCluster solr;

  @BeforeAll
  static void createCollection(SolrCluster cluster) throws Exception {
    solr = cluster;
    solr.createCollection(COLLECTION);
  }

  @AfterAll
  static void deleteCollection() throws Exception {
    if (solr != null) solr.deleteCollection(COLLECTION);
  }

  @Test
  void variedSentencesAnalyseAlike() throws Exception {
    List<String> sentences = sentences();
    assertTrue(sentences.size() >= 15, "sentences read: " + sentences.size());
    assertAlike(sentences);
  }

  @Test
  void storyParagraphsAndHeadlinesAnalyseAlike(@TempDir Path temp) throws Exception {
    List<String> texts = new ArrayList<>();
    for (Story story : Fixtures.stories(temp)) {
      texts.add(story.title());
      texts.addAll(story.paragraphs());
    }
    assertAlike(texts);
  }

  private static void assertAlike(List<String> texts) throws Exception {
    List<String> differences = new ArrayList<>();
    int tokens = 0;
    try (SolrClient client = solr.newClient(); Analyzer lucene = IndexSchema.analyzer()) {
      for (String text : texts) {
        FieldAnalysisRequest request = new FieldAnalysisRequest().setFieldNames(FIELDS).setFieldValue(text)
            .setQuery(text);
        FieldAnalysisResponse response = request.process(client, COLLECTION);
        for (String field : FIELDS) {
          List<String> expected = luceneTokens(lucene, field, text);
          tokens += expected.size();
          FieldAnalysisResponse.Analysis analysis = response.getFieldNameAnalysis(field);
          List<String> indexed = solrTokens(analysis.getIndexPhases());
          List<String> queried = solrTokens(analysis.getQueryPhases());
          if (!expected.equals(indexed)) differences.add(field + " index: " + text + "\n  lucene " + expected
              + "\n  solr   " + indexed);
          if (!expected.equals(queried)) differences.add(field + " query: " + text + "\n  lucene " + expected
              + "\n  solr   " + queried);
        }
      }
    }
    assertTrue(tokens > texts.size(), "the texts gave tokens at all: " + tokens);
    assertEquals(List.of(), differences, String.join("\n", differences));
  }

  /** Tokens as term@position[start-end], positions counted from 1 as Solr reports them. */
  static List<String> luceneTokens(Analyzer analyzer, String field, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = 0;
      while (ts.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(term + "@" + position + "[" + offset.startOffset() + "-" + offset.endOffset() + "]");
      }
      ts.end();
    }
    return tokens;
  }

  /** The last stage's tokens (what is indexed or searched), in the same form as {@link #luceneTokens}. */
  static List<String> solrTokens(Iterable<AnalysisPhase> phases) {
    AnalysisPhase last = null;
    for (AnalysisPhase phase : phases) last = phase;
    List<String> tokens = new ArrayList<>();
    if (last == null) return tokens;
    for (TokenInfo t : last.getTokens()) {
      tokens.add(t.getText() + "@" + t.getPosition() + "[" + t.getStart() + "-" + t.getEnd() + "]");
    }
    return tokens;
  }

  static List<String> sentences() {
    try (InputStream in = SolrAnalysisParityTest.class.getResourceAsStream("/solr/analysis-sentences.txt")) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
