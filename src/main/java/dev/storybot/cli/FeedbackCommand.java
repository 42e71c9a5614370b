package dev.storybot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.answer.Texts;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.config.DatabaseSettings;
import dev.storybot.eval.EvalQuestion;
import dev.storybot.feedback.Feedback;
import dev.storybot.feedback.FeedbackLog;
import dev.storybot.feedback.FeedbackSummary;
import dev.storybot.postgres.Database;
import dev.storybot.postgres.PostgresFeedback;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `storybot feedback`: what the 👍/👎 clicks in Slack say, and the confirmed answers as eval questions. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
    description = {"Summarises the feedback log: clicks by verdict and the questions with most 👎.",
        "--questions-out writes the 👍 answers as `storybot eval` questions (the shown quote as the gold answer).",
        "With DATABASE_URL set (and no --dir), reads the clicks every replica recorded in PostgreSQL."})
final class FeedbackCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--dir", paramLabel = "DIR",
      description = "The feedback folder (default: $FEEDBACK_DIR, else " + Config.DEFAULT_FEEDBACK_DIR + ").")
  Path dir;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N",
      description = "Downvoted questions to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--questions-out", paramLabel = "FILE", description = "Write eval questions (JSON lines) to FILE.")
  Path questionsOut;

  @Spec
  CommandSpec spec;

  private final java.util.Map<String, String> env;

  FeedbackCommand() {
    this(System.getenv());
  }

  /** Reads FEEDBACK_DIR and DATABASE_URL from {@code env}. */
  FeedbackCommand(java.util.Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    if (top < 0) throw new ExitCodes.UserException("--top must not be negative, was " + top);
    List<Feedback> clicks = dir == null ? fromDatabase() : null;
    if (clicks == null) clicks = fromFolder();
    PrintWriter out = spec.commandLine().getOut();
    FeedbackSummary summary = FeedbackSummary.of(clicks, top);
    out.printf("%s: %d 👍, %d 👎%n", Texts.count(clicks.size(), "click", "clicks"), summary.up(), summary.down());
    if (!summary.mostDownvoted().isEmpty()) {
      out.println("Most downvoted questions:");
      for (FeedbackSummary.Votes v : summary.mostDownvoted()) {
        out.printf("  %d 👎 %d 👍  %s%n", v.down(), v.up(), v.question());
      }
    }
    if (questionsOut != null) {
      List<EvalQuestion> questions = FeedbackSummary.evalQuestions(clicks);
      List<String> lines = new ArrayList<>();
      for (EvalQuestion q : questions) lines.add(JSON.writeValueAsString(q));
      Files.write(questionsOut, lines, StandardCharsets.UTF_8);
      out.printf("Wrote %s to %s%n", Texts.count(questions.size(), "eval question", "eval questions"), questionsOut);
    }
    out.flush();
    return ExitCodes.OK;
  }

  // The clicks every replica recorded, or null when DATABASE_URL is not set.
  private List<Feedback> fromDatabase() throws IOException {
    DatabaseSettings settings;
    try {
      settings = Config.database(env);
      if (settings == null) return null;
      try (Database db = Database.forCommand(settings)) {
        return new PostgresFeedback(db).readAll();
      }
    } catch (IllegalArgumentException e) {  // ConfigException too
      throw new ExitCodes.UserException(e.getMessage());
    }
  }

  private List<Feedback> fromFolder() throws IOException {
    Path folder = dir != null ? dir : Path.of(envOr(Config.FEEDBACK_DIR, Config.DEFAULT_FEEDBACK_DIR));
    if (!Files.isDirectory(folder)) {
      throw new ExitCodes.UserException("no feedback folder " + folder + ": pass --dir DIR (the bot's "
          + Config.FEEDBACK_DIR + "), or set " + Config.DATABASE_URL + " to read the replicas' shared database");
    }
    try {
      return FeedbackLog.read(folder);
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
  }

  private String envOr(String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }
}
