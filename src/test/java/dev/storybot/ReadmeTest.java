package dev.storybot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storybot.cli.Run;
import dev.storybot.slack.SlackIds;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.Blocks;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples, taken from README.md itself and run on the bundled story: its command lines through the
 * real command line (printing what the README shows), and the questions of its "In Slack" table through the real
 * bot, signed, against the Slack stub (answered as the table says). An example that stops working fails here.
 */
class ReadmeTest {

  private static final String JAR = "java -jar target/storybot.jar ";
  private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| (.+?) \\| (.+?) \\|$");
  private static final Pattern FIRST_CODE = Pattern.compile("^`([^`]+)`");
  private static final Pattern SEARCHED = Pattern.compile("\"(Searched stories [^\"]+)\"");

  private static String readme;

  @TempDir static Path temp;

  @BeforeAll
  static void read() throws IOException {
    readme = Files.readString(Path.of("README.md"));
  }

  @Test
  void theFirstCommandPrintsWhatTheReadmeShows() {
    List<String> block = codeBlocks().get(0);
    List<String> commands = new ArrayList<>();
    for (String line : block) {
      for (String part : line.split("&&")) {
        if (part.strip().startsWith(JAR)) commands.add(part.strip());
      }
    }
    assertEquals(1, commands.size(), "the README's first code block runs one storybot command: " + block);
    Run run = Run.of(words(commands.get(0).substring(JAR.length())).toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    String shown = String.join("\n", codeBlocks().get(1));
    assertEquals(shown, run.out().strip().replace("\r\n", "\n"), "README.md shows what the first command prints");
  }

  @Test
  void everyAskCommandLineInTheReadmeRuns() throws IOException {
    Path folder = bundledStoryFolder();
    Matcher m = Pattern.compile("`" + Pattern.quote(JAR) + "(ask [^`]+)`").matcher(readme);
    int ran = 0;
    while (m.find()) {
      List<String> args = words(m.group(1).replace("path/to/folder", folder.toString()));
      Run run = Run.of(args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), m.group() + ": " + run.err());
      assertFalse(run.out().isBlank(), m.group());
      ran++;
    }
    assertTrue(ran >= 1, "the README shows how to ask of your own stories");
  }

  @Test
  void theInSlackExamplesAnswerOnTheBundledStory() throws Exception {
    List<String[]> rows = slackTable();
    try (SlackBot bot = SlackBot.builder().stories(StoryLoader.bundled()).start()) {
      String[] mention = row(rows, "`@storybot ");
      String question = firstCode(mention[0]).substring("@storybot ".length());
      String ts = "1700100000.000100";
      bot.mention("EvReadme1", ts, question);
      SlackApiStub.Call answer = bot.stub().awaitOne("chat.postMessage");
      assertEquals(ts, answer.params().get("thread_ts"), "in the thread");
      JsonNode blocks = answer.jsonParam("blocks");
      assertFalse(Blocks.quotes(blocks).isEmpty(), question + " is answered: " + answer.params().get("text"));
      assertTrue(Blocks.contexts(blocks).get(0).startsWith("*Blinken says progress made"), Blocks.contexts(blocks).toString());
      for (String button : List.of(SlackIds.MORE, SlackIds.FEEDBACK_UP, SlackIds.FEEDBACK_DOWN)) {
        Blocks.button(blocks, button);  // fails unless it is under the answer
      }

      String followUp = firstCode(row(rows, "`@storybot and ")[0]).substring("@storybot ".length());
      bot.event("event_app_mention_in_thread.json", Map.of("EVENT_ID", "EvReadme2", "TS", "1700100000.000200",
          "THREAD_TS", ts, "CHANNEL", SlackBot.CHANNEL, "TEXT", "<@" + SlackApiStub.BOT_USER_ID + "> " + followUp));
      SlackApiStub.Call second = bot.stub().await("chat.postMessage", 2, Duration.ofSeconds(10)).get(1);
      assertTrue(Blocks.contexts(second.jsonParam("blocks")).get(0).startsWith("Following up on"),
          followUp + ": " + Blocks.contexts(second.jsonParam("blocks")));

      String command = firstCode(row(rows, "`/story who")[0]).substring("/story ".length());
      bot.command(command, "private");
      JsonNode reply = bot.reply("private");
      assertEquals("ephemeral", reply.path("response_type").asText());
      assertFalse(Blocks.quotes(reply.path("blocks")).isEmpty(), command + ": " + reply);
      Blocks.button(reply.path("blocks"), SlackIds.SHARE);  // with Share in channel

      String[] filters = row(rows, "`source:");
      bot.command(firstCode(filters[0]), "filters");
      JsonNode filtered = bot.reply("filters").path("blocks");
      Matcher searched = SEARCHED.matcher(filters[1]);
      assertTrue(searched.find(), filters[1]);
      assertEquals(searched.group(1), Blocks.contexts(filtered).get(0));
      assertFalse(Blocks.quotes(filtered).isEmpty(), firstCode(filters[0]));

      Matcher lists = Pattern.compile("`(/story list[^`]*)`").matcher(row(rows, "`/story list")[0]);
      int n = 0;
      while (lists.find()) {
        bot.command(lists.group(1).substring("/story ".length()), "list" + n);
        assertTrue(bot.reply("list" + n).toString().contains("Blinken says progress made"), lists.group(1));
        n++;
      }
      assertEquals(2, n, "both list commands");
    }
  }

  // The README's fenced code blocks, line by line.
  private static List<List<String>> codeBlocks() {
    List<List<String>> blocks = new ArrayList<>();
    List<String> open = null;
    for (String line : readme.split("\\R")) {
      if (line.startsWith("```")) {
        if (open == null) {
          open = new ArrayList<>();
        } else {
          blocks.add(open);
          open = null;
        }
      } else if (open != null) {
        open.add(line);
      }
    }
    return blocks;
  }

  private static List<String[]> slackTable() {
    String section = readme.substring(readme.indexOf("## In Slack"), readme.indexOf("## Command line"));
    List<String[]> rows = new ArrayList<>();
    Matcher m = TABLE_ROW.matcher(section);
    while (m.find()) rows.add(new String[] {m.group(1), m.group(2)});
    return rows;
  }

  private static String[] row(List<String[]> rows, String prefix) {
    return rows.stream().filter(r -> r[0].startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no row of the In Slack table starts with " + prefix));
  }

  private static String firstCode(String cell) {
    Matcher m = FIRST_CODE.matcher(cell);
    if (!m.find()) throw new AssertionError("no example in " + cell);
    return m.group(1);
  }

  // A shell's words: spaces separate, double quotes group.
  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
    return out;
  }

  private static Path bundledStoryFolder() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("stories"));
    for (String name : List.of("blinken-middle-east-trip.txt", "blinken-middle-east-trip.meta.yml")) {
      try (InputStream in = ReadmeTest.class.getResourceAsStream("/stories/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    return dir;
  }
}
