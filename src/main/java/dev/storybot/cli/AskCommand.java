package dev.storybot.cli;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.LuceneAnswerer;
import dev.storybot.answer.QuestionFilters;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.index.StoryIndex;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `storybot ask`: answers a question (or one per line of standard input) as Slack would, or as JSON lines. */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Answers questions with quotes from the stories. Without a question, reads one per line from stdin.")
final class AskCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question (its words may be unquoted).")
  List<String> words = List.of();

  @ArgGroup(exclusive = true)
  Shelf shelf;

  @Option(names = "--top", defaultValue = "3", paramLabel = "N", description = "Excerpts per answer (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--json", description = "Print one JSON object per question, one a line.")
  boolean json;

  @Spec
  CommandSpec spec;

  /** Where the stories come from: a folder of story files, a built index, or (neither) the bundled stories. */
  static final class Shelf {
    @Option(names = "--stories", paramLabel = "DIR", description = "Answer from this folder of story files.")
    Path stories;

    @Option(names = "--index", paramLabel = "DIR", description = "Answer from an index built by `storybot index`.")
    Path index;
  }

  @Override
  public Integer call() throws IOException {
    if (top < 1) throw new ExitCodes.UserException("--top must be at least 1, was " + top);
    PrintWriter out = spec.commandLine().getOut();
    try (StoryIndex index = openIndex()) {
      Answerer answerer = new LuceneAnswerer(index);
      if (!words.isEmpty()) {
        print(out, ask(answerer, String.join(" ", words)), false);
        return ExitCodes.OK;
      }
      if (System.console() != null) {
        spec.commandLine().getErr().println("Reading questions from standard input, one a line (Ctrl-D ends).");
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) print(out, ask(answerer, line.strip()), true);
      }
    }
    return ExitCodes.OK;
  }

  /** The answer within the question's filters (source:, in:, after:, before:), and which filters applied. */
  private Scoped ask(Answerer answerer, String question) {
    QuestionFilters.Filtered f;
    try {
      f = QuestionFilters.parse(question);
    } catch (QuestionFilters.BadFilter e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
    if (f.question().isEmpty()) throw new ExitCodes.UserException("only filters, no question: add what to look for");
    Answer a = answerer.answer(f.question(), f.scope(), 0, top);
    String note = f.scope().filters() ? "Searched " + f.scope().describe() : null;
    return new Scoped(new Answer(question, a.answered(), a.excerpts(), a.nearest(), a.confidence(), a.hasMore()), note);
  }

  private record Scoped(Answer answer, String note) {}

  private void print(PrintWriter out, Scoped scoped, boolean batch) {
    Answer answer = scoped.answer();
    if (json) {
      out.println(AnswerJson.line(answer));
    } else {
      if (batch) out.println("Q: " + answer.question());
      if (scoped.note() != null) out.println("(" + scoped.note() + ")");
      AnswerText.lines(answer).forEach(out::println);
      if (batch) out.println();
    }
    out.flush();
  }

  private StoryIndex openIndex() throws IOException {
    if (shelf != null && shelf.index != null) {
      try {
        return StoryIndex.open(shelf.index);
      } catch (IndexUnavailableException e) {
        throw new ExitCodes.UserException(e.getMessage());
      }
    }
    if (shelf != null && shelf.stories != null) {
      StoryLoad load = StoryFolder.load(shelf.stories);
      if (!load.skipped().isEmpty()) spec.commandLine().getErr().println("storybot: " + StoryFolder.skippedSummary(load));
      return StoryIndex.inMemory(load.stories());
    }
    return StoryIndex.inMemory(StoryLoader.bundled());
  }
}
