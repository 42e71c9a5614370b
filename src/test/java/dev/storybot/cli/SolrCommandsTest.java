package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storybot.answer.Question;
import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.ParityQuestions;
import dev.storybot.testing.SolrCluster;
import dev.storybot.testing.SolrClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `index`, `ask` and `eval` with --solr: index builds generations of the alias, with the stories' meaning unless
 * --semantic=off (their vectors kept in --index DIR/vectors when given); ask and eval answer from it exactly as from
 * the embedded index, by words and meaning (eval's figures and per-question outcomes equal).
 */
@ExtendWith(SolrClusterExtension.class)
class SolrCommandsTest {

  static final String ALIAS = "commands";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  static SolrCluster solr;
  static Path stories;
  static String urls;

  @BeforeAll
  static void index(SolrCluster cluster) throws Exception {
    solr = cluster;
    solr.dropAlias(ALIAS);
    urls = String.join(",", solr.nodeUrls());
    stories = Fixtures.folder(temp.resolve("stories"));
    Run first = Run.of("index", "--stories", stories.toString(), "--solr", urls, "--solr-collection", ALIAS);
    assertEquals(ExitCodes.OK, first.exitCode(), first.err());
    assertTrue(first.out().contains("indexed 10 stories") && first.out().contains("Solr alias " + ALIAS + ", generation")
        && first.out().contains("sentences"), first.out());
  }

  @AfterAll
  static void drop() throws Exception {
    if (solr != null) solr.dropAlias(ALIAS);
  }

  @Test
  void indexBuildsTheNextGenerationEachTime() {
    long before = generation(Run.of("index", "--stories", stories.toString(), "--solr", urls, "--solr-collection", ALIAS));
    long after = generation(Run.of("index", "--stories", stories.toString(), "--solr", urls, "--solr-collection", ALIAS));
    assertEquals(before + 1, after);
  }

  @Test
  void askAnswersAsFromTheFolderByMeaningAndByWordsAlone() {
    List<String> asked = new ArrayList<>();
    for (Question q : ParityQuestions.of(Fixtures.stories(temp.resolve("read")), 45, 5)) {
      if (q.context() == null && q.channelSources().isEmpty() && q.offset() == 0) asked.add(q.text());
    }
    String input = String.join("\n", asked) + "\n";
    for (String semantic : List.of("on", "off")) {
      Run embedded = Run.withInput(input, "ask", "--stories", stories.toString(), "--json", "--top", "5",
          "--semantic", semantic);
      Run fromSolr = Run.withInput(input, "ask", "--solr", urls, "--solr-collection", ALIAS, "--json", "--top", "5",
          "--semantic", semantic);
      assertEquals(ExitCodes.OK, fromSolr.exitCode(), fromSolr.err());
      assertEquals(asked.size(), fromSolr.outLines().length);
      assertEquals(embedded.out(), fromSolr.out(), "--semantic " + semantic);
    }
  }

  @Test
  void evalGivesTheSameFiguresAndOutcomesByMeaningAndByWordsAlone() throws Exception {
    Path questions = evalQuestions(Fixtures.stories(temp.resolve("eval")), temp.resolve("questions.jsonl"));
    List<List<String>> outcomes = new ArrayList<>();
    for (String semantic : List.of("on", "off")) {
      Path embeddedDetails = temp.resolve("embedded-" + semantic + ".jsonl");
      Path solrDetails = temp.resolve("solr-" + semantic + ".jsonl");
      Run embedded = Run.of("eval", "--stories", stories.toString(), "--questions", questions.toString(), "--json",
          "--details", embeddedDetails.toString(), "--semantic", semantic);
      Run fromSolr = Run.of("eval", "--stories", stories.toString(), "--questions", questions.toString(), "--json",
          "--details", solrDetails.toString(), "--solr", urls, "--solr-collection", ALIAS, "--semantic", semantic);
      assertEquals(ExitCodes.OK, fromSolr.exitCode(), fromSolr.err());
      assertTrue(fromSolr.err().contains("answering from the Solr alias " + ALIAS), fromSolr.err());
      ObjectNode a = (ObjectNode) JSON.readTree(embedded.out());
      ObjectNode b = (ObjectNode) JSON.readTree(fromSolr.out());
      assertTrue(a.get("answerable").asInt() >= 100, a.toString());
      assertTrue(a.get("quote_hit@1").asDouble() > 0.3 && a.get("quote_hit@1").asDouble() < 1, "hits and misses: " + a);
      a.remove("questions_per_second");
      b.remove("questions_per_second");
      assertEquals(a, b, "--semantic " + semantic);
      assertEquals(Files.readAllLines(embeddedDetails), Files.readAllLines(solrDetails), "--semantic " + semantic);
      outcomes.add(Files.readAllLines(solrDetails));
    }
    // Meaning changes some answers: the two comparisons above are not the same one twice.
    assertNotEquals(outcomes.get(0), outcomes.get(1));
  }

  @Test
  void anIndexFolderKeepsTheVectorsForTheNextBuildAndSemanticOffIndexesWordsAlone() throws Exception {
    String alias = ALIAS + "_vectors";
    Path folder = temp.resolve("vectors-home");
    try {
      Run first = Run.of("index", "--stories", stories.toString(), "--index", folder.toString(), "--solr", urls,
          "--solr-collection", alias);
      assertEquals(ExitCodes.OK, first.exitCode(), first.err());
      assertTrue(Files.isDirectory(folder.resolve("vectors")), "the vectors are kept in --index DIR/vectors");
      Run second = Run.of("index", "--stories", stories.toString(), "--index", folder.toString(), "--solr", urls,
          "--solr-collection", alias);
      assertTrue(second.out().contains("embedded 0 and reused"), "nothing embedded twice: " + second.out());
      assertTrue(!Files.exists(folder.resolve("segments_1")), "no embedded index is written beside Solr");

      Run words = Run.of("index", "--semantic=off", "--stories", stories.toString(), "--solr", urls,
          "--solr-collection", alias);
      assertEquals(ExitCodes.OK, words.exitCode(), words.err());
      assertTrue(!words.out().contains("sentences"), words.out());
      String question = "How many cables did the engineers replace?\n";
      Run fromSolr = Run.withInput(question, "ask", "--solr", urls, "--solr-collection", alias, "--json");
      Run byWords = Run.withInput(question, "ask", "--semantic=off", "--stories", stories.toString(), "--json");
      assertEquals(byWords.out(), fromSolr.out(), "an alias of words alone is answered by words");
    } finally {
      solr.dropAlias(alias);
    }
  }

  @Test
  void solrWithoutItsAliasIsAUserError() {
    Run missing = Run.of("ask", "--solr", urls, "--solr-collection", "no_such_alias", "who?");
    assertEquals(ExitCodes.USER_ERROR, missing.exitCode());
    assertTrue(missing.err().contains("no alias or collection no_such_alias"), missing.err());
    Run badUrl = Run.of("ask", "--solr", "ftp://solr", "who?");
    assertEquals(ExitCodes.USER_ERROR, badUrl.exitCode());
    assertTrue(badUrl.err().contains("--solr (or SOLR_URL) must be Solr nodes' base URLs"), badUrl.err());
  }

  // Eval questions from the stories' own sentences: a few words of a sentence asked, a word of it as the gold answer.
  private static Path evalQuestions(List<Story> fixtures, Path file) throws Exception {
    Pattern word = Pattern.compile("\\p{L}{4,}");
    List<String> lines = new ArrayList<>();
    for (Story s : fixtures) {
      for (int p = 0; p < s.paragraphs().size(); p++) {
        for (String sentence : s.paragraphs().get(p).split("(?<=[.!?])\\s+")) {
          List<String> words = new ArrayList<>();
          Matcher m = word.matcher(sentence);
          while (m.find()) words.add(m.group());
          if (words.size() < 5) continue;
          // Two words of the sentence from three places, the gold a word elsewhere in it: some are ambiguous.
          int n = words.size();
          for (int[] ask : new int[][] {{0, 1, n - 1}, {n - 2, n - 1, 0}, {n / 2, n / 2 + 1, 1}}) {
            String question = "What " + words.get(ask[0]) + " " + words.get(ask[1]) + "?";
            lines.add(JSON.writeValueAsString(Map.of("story", s.id().replaceFirst("\\.[a-z]+$", ""), "paragraph", p,
                "question", question, "answers", List.of(words.get(ask[2])), "impossible", false)));
          }
        }
      }
    }
    return Files.write(file, lines);
  }

  private static long generation(Run run) {
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    Matcher m = Pattern.compile("generation (\\d+)").matcher(run.out());
    assertTrue(m.find(), run.out());
    return Long.parseLong(m.group(1));
  }
}
