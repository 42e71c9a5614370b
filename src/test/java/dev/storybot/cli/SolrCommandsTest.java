package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * `index`, `ask` and `eval` with --solr: index builds generations of the alias; ask and eval answer from it exactly
 * as from the embedded index by words alone (eval's figures and per-question outcomes equal: Solr holds no vectors, so
 * it answers by words whatever --semantic says); mixing --solr with --index is refused.
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
    assertTrue(first.out().contains("indexed 10 stories") && first.out().contains("Solr alias " + ALIAS + ", generation"),
        first.out());
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
  void askAnswersAsFromTheFolder() {
    List<String> asked = new ArrayList<>();
    for (Question q : ParityQuestions.of(Fixtures.stories(temp.resolve("read")), 45, 5)) {
      if (q.context() == null && q.channelSources().isEmpty() && q.offset() == 0) asked.add(q.text());
    }
    String input = String.join("\n", asked) + "\n";
    Run embedded = Run.withInput(input, "ask", "--stories", stories.toString(), "--json", "--top", "5",
        "--semantic", "off");
    Run fromSolr = Run.withInput(input, "ask", "--solr", urls, "--solr-collection", ALIAS, "--json", "--top", "5");
    assertEquals(ExitCodes.OK, fromSolr.exitCode(), fromSolr.err());
    assertEquals(asked.size(), fromSolr.outLines().length);
    assertEquals(embedded.out(), fromSolr.out());
  }

  @Test
  void evalGivesTheSameFiguresAndOutcomes() throws Exception {
    Path questions = evalQuestions(Fixtures.stories(temp.resolve("eval")), temp.resolve("questions.jsonl"));
    Path embeddedDetails = temp.resolve("embedded.jsonl");
    Path solrDetails = temp.resolve("solr.jsonl");
    Run embedded = Run.of("eval", "--stories", stories.toString(), "--questions", questions.toString(), "--json",
        "--details", embeddedDetails.toString(), "--semantic", "off");
    Run fromSolr = Run.of("eval", "--stories", stories.toString(), "--questions", questions.toString(), "--json",
        "--details", solrDetails.toString(), "--solr", urls, "--solr-collection", ALIAS);
    assertEquals(ExitCodes.OK, fromSolr.exitCode(), fromSolr.err());
    assertTrue(fromSolr.err().contains("answering from the Solr alias " + ALIAS), fromSolr.err());
    ObjectNode a = (ObjectNode) JSON.readTree(embedded.out());
    ObjectNode b = (ObjectNode) JSON.readTree(fromSolr.out());
    assertTrue(a.get("answerable").asInt() >= 100, a.toString());
    assertTrue(a.get("quote_hit@1").asDouble() > 0.3 && a.get("quote_hit@1").asDouble() < 1, "hits and misses: " + a);
    a.remove("questions_per_second");
    b.remove("questions_per_second");
    assertEquals(a, b);
    assertEquals(Files.readAllLines(embeddedDetails), Files.readAllLines(solrDetails));
  }

  @Test
  void solrWithAnIndexFolderOrWithoutItsAliasIsAUserError() {
    Run both = Run.of("index", "--stories", stories.toString(), "--index", temp.resolve("idx").toString(),
        "--solr", urls);
    assertEquals(ExitCodes.USER_ERROR, both.exitCode());
    assertTrue(both.err().contains("--index and --solr"), both.err());
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
