package dev.storybot.cli;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Answerer;
import dev.storybot.answer.Question;
import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.app.Meaning;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.embed.ProgressListener;
import dev.storybot.config.SolrSettings;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.Shelf;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `storybot ask`: answers a question (or one per line of standard input) as Slack would, or as JSON lines. */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Answers questions with quotes from the stories. Without a question, reads one per line from stdin.")
final class AskCommand implements Callable<Integer> {

  /** A question the bundled story answers. */
  static final String EXAMPLE = "Where did Blinken go after Ankara?";

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question (its words may be unquoted).")
  List<String> words = List.of();

  @ArgGroup(exclusive = true)
  Source source;

  @Option(names = "--top", defaultValue = "3", paramLabel = "N", description = "Excerpts per answer (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--json", description = "Print one JSON object per question, one a line.")
  boolean json;

  @Mixin
  SemanticOption semantic = new SemanticOption();

  @Mixin
  SolrOptions solr;

  @Spec
  CommandSpec spec;

  /** Where the stories come from: a folder of story files, a built index, or (neither) the bundled stories. */
  static final class Source {
    @Option(names = "--stories", paramLabel = "DIR", description = "Answer from this folder of story files.")
    Path stories;

    @Option(names = "--index", paramLabel = "DIR", description = "Answer from an index built by `storybot index`.")
    Path index;
  }

  @Override
  public Integer call() throws IOException {
    if (top < 1) throw new ExitCodes.UserException("--top must be at least 1, was " + top);
    if (!words.isEmpty() && String.join(" ", words).isBlank()) {
      throw new ExitCodes.UserException("the question is empty: ask one, e.g. storybot ask \"" + EXAMPLE + "\", or give"
          + " none to read questions from standard input, one a line");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Meaning meaning = semantic.load(); Shelf shelf = openShelf(meaning)) {
      Answerer answerer = new ShelfAnswerer(shelf, meaning.embedder());
      if (!words.isEmpty()) {
        Answer answer = answerer.answer(Question.of(String.join(" ", words)).withLimit(top));
        print(out, answer, false);
        // A question that could not be searched (a bad filter) is a problem the asker can fix.
        return answer.problem() == null ? ExitCodes.OK : ExitCodes.USER_ERROR;
      }
      if (System.console() != null) {
        spec.commandLine().getErr().println("Reading questions from standard input, one a line (Ctrl-D ends).");
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) print(out, answerer.answer(Question.of(line.strip()).withLimit(top)), true);
      }
    }
    return ExitCodes.OK;
  }

  private void print(PrintWriter out, Answer answer, boolean batch) {
    if (json) {
      out.println(AnswerJson.line(answer));
    } else {
      if (batch) out.println("Q: " + answer.question());
      AnswerText.lines(answer).forEach(out::println);
      if (batch) out.println();
    }
    out.flush();
  }

  private Shelf openShelf(Meaning meaning) throws IOException {
    SolrSettings solrSettings = solr.settings();
    if (solrSettings == null) return new LuceneShelf(openIndex(meaning));
    if (source != null) {
      throw new ExitCodes.UserException("--stories or --index with --solr (or SOLR_URL): answer from one of them");
    }
    return SolrOptions.open(solrSettings);
  }

  // A built index as it is (by meaning too when it holds this model's vectors); stories indexed in memory, with
  // their sentences embedded unless --semantic=off.
  private StoryIndex openIndex(Meaning meaning) throws IOException {
    if (source != null && source.index != null) {
      try {
        return StoryIndex.open(source.index);
      } catch (IndexUnavailableException e) {
        throw new ExitCodes.UserException(e.getMessage());
      }
    }
    if (source != null && source.stories != null) {
      StoryLoad load = StoryFolder.load(source.stories);
      if (!load.skipped().isEmpty()) spec.commandLine().getErr().println("storybot: " + StoryFolder.skippedSummary(load));
      return StoryIndex.inMemory(load.stories(), meaning.vectors(EmbeddingStore.inMemory(), ProgressListener.none()));
    }
    return StoryIndex.inMemory(StoryLoader.bundled(), meaning.vectors(EmbeddingStore.inMemory(), ProgressListener.none()));
  }
}
