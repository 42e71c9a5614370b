package dev.storybot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.config.Config;
import dev.storybot.index.StoryIndex;
import dev.storybot.story.FolderStamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile, checked without Docker in `mvn verify`, once the jar is packaged: every RUN is a script of docker/
 * that CI runs too; running the build stage's scripts here yields every path the Dockerfile copies; the runtime
 * settings agree.
 */
class DockerfileIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final String BUILD_WORKDIR = "/src";
  private static final String BUILD_OUT = "/out";

  /** One instruction: its keyword and the rest of the (joined) line. */
  record Instruction(String stage, String keyword, String args) {}

  @TempDir static Path out;
  private static List<Instruction> instructions;

  @BeforeAll
  static void parseAndRunTheBuildScripts() throws Exception {
    instructions = parse(Files.readString(ROOT.resolve("Dockerfile")));
    for (Instruction run : of("RUN")) {
      List<String> words = scriptAndArgs(run.args());
      if (words.get(0).equals("docker/build-jar.sh")) {
        assertTrue(Files.isRegularFile(ROOT.resolve("target/storybot.jar")), "mvn package has built the jar");
        continue;  // that is the build running this test
      }
      List<String> command = new ArrayList<>(List.of("bash"));
      for (String w : words) command.add(w.startsWith(BUILD_OUT) ? out.resolve(w.substring(1)).toString() : w);
      Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "script finished: " + command);
      assertEquals(0, p.exitValue(), command + " failed:\n" + output);
    }
  }

  @Test
  void everyRunStepIsAScriptThatCiAlsoRuns() throws IOException {
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    assertTrue(of("RUN").size() >= 2, "the jar and the index are built by RUN steps");
    for (Instruction run : of("RUN")) {
      String script = scriptAndArgs(run.args()).get(0);
      assertTrue(script.startsWith("docker/") && Files.isExecutable(ROOT.resolve(script)), "a script in docker/: " + run);
      assertTrue(ci.contains(script), ".ci/run runs " + script + " too");
    }
  }

  @Test
  void everyPathTheDockerfileCopiesExistsAfterTheBuild() throws IOException {
    List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"));
    for (Instruction copy : of("COPY")) {
      List<String> words = new ArrayList<>(Arrays.asList(copy.args().split("\\s+")));
      String from = null;
      while (words.get(0).startsWith("--")) {
        String flag = words.remove(0);
        if (flag.startsWith("--from=")) from = flag.substring("--from=".length());
      }
      for (String source : words.subList(0, words.size() - 1)) {
        Path local;
        if (from == null) {
          local = ROOT.resolve(source);
          assertTrue(ignored.contains("!" + Path.of(source).normalize()), ".dockerignore lets " + source + " in");
        } else if (source.startsWith(BUILD_WORKDIR + "/")) {
          local = ROOT.resolve(source.substring(BUILD_WORKDIR.length() + 1));
        } else {
          assertTrue(source.startsWith(BUILD_OUT + "/"), "copied from the build's work or output folder: " + source);
          local = out.resolve(source.substring(1));
        }
        assertTrue(Files.exists(local), copy + ": " + source + " exists after the build (" + local + ")");
      }
    }
  }

  @Test
  void theImagesIndexAnswersFromTheBundledStory() throws Exception {
    Process p = new ProcessBuilder("java", "-jar", "target/storybot.jar", "ask", "--index",
        out.resolve("out/index").toString(), "Where did Blinken go after Ankara?")
        .directory(ROOT.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.startsWith("> "), "answered with a quote: " + output);
  }

  @Test
  void theImagesIndexRecordsTheImagesStoriesSoANewContainerDoesNotRebuildIt() throws Exception {
    try (StoryIndex index = StoryIndex.open(out.resolve("out/index"))) {
      assertEquals(Optional.of(FolderStamp.of(out.resolve("out/stories"))), index.builtFrom());
    }
  }

  @Test
  void runtimeSettingsAgreeWithTheCopiesAndTheCode() {
    Map<String, String> env = env();
    List<String> copied = of("COPY").stream().filter(i -> i.args().contains("--from="))
        .map(i -> i.args().substring(i.args().lastIndexOf(' ') + 1)).toList();
    String volumes = of("VOLUME").get(0).args();
    for (String name : List.of(Config.STORIES_DIR, Config.INDEX_DIR, Config.FEEDBACK_DIR)) {
      assertTrue(copied.contains(env.get(name)), name + " is seeded by a COPY");
      assertTrue(volumes.contains("\"" + env.get(name) + "\""), name + " is a volume");
    }
    assertEquals(env.get(Config.PORT), of("EXPOSE").get(0).args());
    assertEquals(Integer.toString(Config.DEFAULT_PORT), env.get(Config.PORT));
    assertTrue(of("USER").get(0).args().matches("[1-9][0-9]*:[1-9][0-9]*"), "a non-root numeric user");
    String jar = copied.stream().filter(p -> p.endsWith(".jar")).findFirst().orElseThrow();
    assertTrue(of("ENTRYPOINT").get(0).args().contains("\"" + jar + "\""));
    assertTrue(of("HEALTHCHECK").get(0).args().contains("\"" + jar + "\", \"healthcheck\"]"));
    assertEquals("[\"serve\"]", of("CMD").get(0).args());
  }

  private static List<Instruction> of(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    for (Instruction i : of("ENV")) {
      for (String pair : i.args().split("\\s+")) {
        String[] kv = pair.split("=", 2);
        env.put(kv[0], kv[1]);
      }
    }
    return env;
  }

  // "--mount=… SKIP_TESTS=true docker/build-jar.sh package" → [docker/build-jar.sh, package]
  private static List<String> scriptAndArgs(String run) {
    List<String> words = new ArrayList<>(Arrays.asList(run.split("\\s+")));
    while (words.get(0).startsWith("--") || words.get(0).matches("[A-Z_]+=.*")) words.remove(0);
    return words;
  }

  private static List<Instruction> parse(String dockerfile) {
    List<Instruction> out = new ArrayList<>();
    String stage = null;
    String joined = dockerfile.replaceAll("\\\\\\R\\s*", " ");
    for (String line : joined.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) continue;
      int space = l.indexOf(' ');
      String keyword = l.substring(0, space);
      String args = l.substring(space + 1).strip();
      if (keyword.equals("FROM")) stage = args.contains(" AS ") ? args.substring(args.indexOf(" AS ") + 4) : args;
      out.add(new Instruction(stage, keyword, args));
    }
    return out;
  }
}
