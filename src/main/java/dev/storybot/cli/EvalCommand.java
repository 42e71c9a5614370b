package dev.storybot.cli;

import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.eval.AnswererFactory;
import dev.storybot.eval.EvalDetails;
import dev.storybot.eval.EvalQuestion;
import dev.storybot.eval.EvalQuestions;
import dev.storybot.eval.Evaluator;
import dev.storybot.eval.OffCorpusEvaluator;
import dev.storybot.eval.OffCorpusReport;
import dev.storybot.eval.ReportFormat;
import dev.storybot.config.SolrSettings;
import dev.storybot.index.IndexStats;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.app.Meaning;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.embed.ProgressListener;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.SentenceVectors;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.Shelf;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `storybot eval`: answers every question of a .jsonl file in one run and prints the quality figures. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measures answer quality: quote_hit@1/@3, false_abstain, median quote length, abstentions.",
        "Questions are JSON lines: {\"story\": file name without extension, \"question\": ..., "
            + "\"answers\": [gold strings], \"impossible\": bool}."})
final class EvalCommand implements Callable<Integer> {

  @Option(names = "--stories", paramLabel = "DIR", required = true,
      description = "The folder of story files the questions are about.")
  Path stories;

  @Option(names = "--questions", paramLabel = "FILE", required = true, description = "The questions, one JSON object a line.")
  Path questions;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Answer from this index built by `storybot index` instead of indexing --stories in memory.")
  Path index;

  @Option(names = "--off-corpus", description = "Index one story of the folder at a time and ask every question: the"
      + " other stories' questions must be declined, the indexed story's answered.")
  boolean offCorpus;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Option(names = "--details", paramLabel = "FILE", description = "Also write each question's outcome to FILE (JSON lines).")
  Path details;

  @Option(names = "--vectors", paramLabel = "DIR",
      description = "Keep the stories' sentence vectors in DIR between runs (default: in memory, embedded every run).")
  Path vectors;

  @Mixin
  SemanticOption semantic = new SemanticOption();

  @Mixin
  SolrOptions solr;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SolrSettings solrSettings = solr.settings();
    if (offCorpus && (index != null || solrSettings != null)) {
      throw new ExitCodes.UserException("--off-corpus builds its own one-story indexes: drop --index and --solr"
          + " (and unset SOLR_URL)");
    }
    if (index != null && solrSettings != null) {
      throw new ExitCodes.UserException("--index and --solr (or SOLR_URL) both given: answer from one of them");
    }
    List<EvalQuestion> asked = readQuestions();
    StoryLoad load = StoryFolder.load(stories);
    if (!load.skipped().isEmpty()) spec.commandLine().getErr().println("storybot: " + StoryFolder.skippedSummary(load));
    PrintWriter out = spec.commandLine().getOut();
    try (Meaning meaning = semantic.load();
         EmbeddingStore store = !meaning.on() ? null
             : vectors == null ? EmbeddingStore.inMemory() : EmbeddingStore.open(vectors, meaning.embedder())) {
      SentenceVectors source = meaning.vectors(store, ProgressListener.none());
      evaluate(load, asked, meaning, source, solrSettings, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void evaluate(StoryLoad load, List<EvalQuestion> asked, Meaning meaning, SentenceVectors source,
      SolrSettings solrSettings, PrintWriter out) throws Exception {
    if (offCorpus) {
      OffCorpusReport report = offCorpus(load.stories(), asked, meaning, source);
      if (details != null) EvalDetails.write(details, report);
      out.print(json ? ReportFormat.json(report) + "\n" : ReportFormat.table(report));
    } else {
      Evaluator.EvalRun run;
      try (Shelf shelf = solrSettings != null ? solrShelf(solrSettings)
          : new LuceneShelf(openIndex(load.stories(), source))) {
        run = new Evaluator(new ShelfAnswerer(shelf, meaning.embedder()), OffCorpusEvaluator.questionKeys(load.stories()))
            .run(asked);
      }
      if (details != null) EvalDetails.write(details, run.outcomes());
      out.print(json ? ReportFormat.json(run.report()) + "\n" : ReportFormat.table(run.report()));
    }
  }

  private OffCorpusReport offCorpus(List<Story> all, List<EvalQuestion> asked, Meaning meaning, SentenceVectors source)
      throws Exception {
    AnswererFactory factory = subset -> {
      Shelf shelf = new LuceneShelf(StoryIndex.inMemory(subset, source));
      return new AnswererFactory.Opened(new ShelfAnswerer(shelf, meaning.embedder()), shelf);
    };
    try {
      return new OffCorpusEvaluator(factory).run(all, asked);
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UserException(e.getMessage() + ": give --stories a folder with several stories");
    }
  }

  // The alias as it is (like --index): build it first with `storybot index --stories DIR --solr URL`.
  private Shelf solrShelf(SolrSettings settings) {
    Shelf shelf = SolrOptions.open(settings);
    IndexStats stats = shelf.read(Shelf.Snapshot::stats);
    spec.commandLine().getErr().println("storybot: answering from the Solr alias " + settings.collection()
        + " (generation " + stats.generation() + ", " + stats.stories() + " stories)");
    return shelf;
  }

  private List<EvalQuestion> readQuestions() throws IOException {
    try {
      return EvalQuestions.read(questions);
    } catch (NoSuchFileException e) {
      throw new ExitCodes.UserException("no file " + questions + ": give --questions a .jsonl file of questions");
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
  }

  private StoryIndex openIndex(List<Story> folder, SentenceVectors source) throws IOException {
    if (index == null) return StoryIndex.inMemory(folder, source);
    if (!Files.isDirectory(index)) {
      throw new ExitCodes.UserException("no index folder " + index + ": build one with `storybot index --stories DIR "
          + "--index " + index + "` or drop --index");
    }
    try {
      return StoryIndex.open(index);
    } catch (IndexUnavailableException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
  }
}
