package dev.storybot.cli;

import dev.storybot.answer.Texts;
import dev.storybot.app.Meaning;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.config.DatabaseSettings;
import dev.storybot.config.SolrSettings;
import dev.storybot.embed.EmbeddingStore;
import dev.storybot.embed.ProgressListener;
import dev.storybot.index.InProcessRebuildLock;
import dev.storybot.index.IndexFolder;
import dev.storybot.index.IndexStats;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.index.IndexWrite;
import dev.storybot.index.IndexWriteException;
import dev.storybot.index.RebuildLock;
import dev.storybot.index.StoryIndexer;
import dev.storybot.postgres.Database;
import dev.storybot.postgres.PostgresRebuildLock;
import dev.storybot.search.SentenceVectors;
import dev.storybot.solr.SolrShelf;
import dev.storybot.story.FolderStamp;
import dev.storybot.story.StoryLoad;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `storybot index`: builds (or atomically replaces) the paragraph index from a folder of story files, in a folder or
 * as a new generation of a Solr alias.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Indexes a folder of story files; searches of the old index continue until the new one is committed.",
        "With --solr (or SOLR_URL): into a new Solr collection, then the alias moves to it.",
        "With DATABASE_URL too, it waits for any rebuild by a serve replica sharing that database: they take turns."})
final class IndexCommand implements Callable<Integer> {

  @Option(names = "--stories", required = true, paramLabel = "DIR", description = "Folder of story files.")
  Path stories;

  @Option(names = "--index", defaultValue = "index", paramLabel = "DIR", description = "Index folder (default:"
      + " ${DEFAULT-VALUE}). With --solr, only where the sentence vectors are kept for the next build (DIR/vectors;"
      + " in memory when not given).")
  Path index;

  @Option(names = "--max-file-size", defaultValue = "5M", paramLabel = "SIZE",
      description = "Skip story files larger than this: bytes, or with K or M (default: ${DEFAULT-VALUE}).")
  String maxFileSize;

  @Mixin
  SemanticOption semantic = new SemanticOption();

  @Mixin
  SolrOptions solr;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    boolean meaning = semantic.on();
    SolrSettings solrSettings = solr.settings();
    long maxBytes = StoryFolder.size("--max-file-size", maxFileSize);
    // Into Solr, an index folder named on the command line keeps only the vectors, for the next build to reuse.
    boolean folder = solrSettings == null || spec.commandLine().getParseResult().hasMatchedOption("--index");
    String problem = folder && Files.isDirectory(stories) ? IndexFolder.problem(index, stories) : null;
    if (problem != null) throw new ExitCodes.UserException("--index: " + problem);
    if (solrSettings != null) {
      Path vectorsDir = meaning && folder ? index.resolve(IndexFolder.VECTORS) : null;
      return intoSolr(solrSettings, StoryFolder.load(stories, maxBytes), meaning, vectorsDir, started);
    }
    // Stamped before it is read: a file changed meanwhile makes the stamp differ, so the next serve rebuilds.
    FolderStamp stamp = Files.isDirectory(stories) ? FolderStamp.of(stories) : null;
    StoryLoad load = StoryFolder.load(stories, maxBytes);
    try {
      Files.createDirectories(index);
    } catch (IOException e) {
      throw new ExitCodes.UserException("cannot create the index folder " + index + " (" + e + "): give --index a"
          + " folder you can write to");
    }
    IndexStats stats;
    String embedded = "";
    try (Meaning model = Meaning.of(meaning);
         EmbeddingStore store = meaning ? EmbeddingStore.open(index.resolve(IndexFolder.VECTORS), model.embedder()) : null;
         Directory dir = FSDirectory.open(index)) {
      SentenceVectors vectors = model.vectors(store, embeddingProgress());
      if (vectors != null) vectors.expect(load.stories());
      stats = IndexWrite.replace(dir, index, new StoryIndexer(vectors), load.stories(),
          progress(load.stories().size()), stamp);
      if (vectors != null) {
        store.compact();  // the vectors of text no story holds any more
        embedded = String.format(Locale.ROOT, ", embedded %,d and reused %,d sentences", vectors.embedded(),
            vectors.reused());
      }
    } catch (LockObtainFailedException e) {
      throw new ExitCodes.UserException("another process is writing the index in " + index + ": wait for it to finish");
    } catch (IndexWriteException e) {
      throw new ExitCodes.UserException(e.getMessage() + "; then run `storybot index` again");
    }
    report(load, String.format(Locale.ROOT, "indexed %s (%s) in %.1f s%s", Texts.count(stats.stories(), "story",
        "stories"), Texts.count(stats.paragraphs(), "paragraph", "paragraphs"), seconds(started), embedded));
    return ExitCodes.OK;
  }

  private int intoSolr(SolrSettings settings, StoryLoad load, boolean meaning, Path vectorsDir, long started)
      throws IOException {
    DatabaseSettings shared;
    try {
      shared = Config.database(System.getenv());
    } catch (ConfigException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
    // Replicas rebuilding the same alias take turns through the database's advisory lock; so does this command.
    try (Database db = shared == null ? null : openDatabase(shared);
         SolrShelf shelf = SolrShelf.connect(settings);
         Meaning model = Meaning.of(meaning);
         EmbeddingStore store = !meaning ? null
             : vectorsDir != null ? EmbeddingStore.open(vectorsDir, model.embedder()) : EmbeddingStore.inMemory()) {
      RebuildLock lock = db == null ? new InProcessRebuildLock() : new PostgresRebuildLock(db);
      if (!shelf.exists()) spec.commandLine().getErr().println("storybot: creating the Solr alias " + shelf.alias());
      SentenceVectors vectors = model.vectors(store, embeddingProgress());
      IndexStats stats = shelf.rebuilder(lock, false, vectors)
          .rebuild(load.stories(), progress(load.stories().size()));
      String embedded = "";
      if (vectors != null) {
        if (vectorsDir != null) store.compact();  // the vectors of text no story holds any more
        embedded = String.format(Locale.ROOT, ", embedded %,d and reused %,d sentences", vectors.embedded(),
            vectors.reused());
      }
      report(load, String.format(Locale.ROOT, "indexed %s (%s) into the Solr alias %s, generation %d, in %.1f s%s",
          Texts.count(stats.stories(), "story", "stories"), Texts.count(stats.paragraphs(), "paragraph", "paragraphs"),
          shelf.alias(), stats.generation(), seconds(started), embedded));
    } catch (IndexUnavailableException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
    return ExitCodes.OK;
  }

  private static Database openDatabase(DatabaseSettings settings) {
    try {
      return Database.forCommand(settings);
    } catch (ConfigException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
  }

  private void report(StoryLoad load, String summary) {
    String skipped = StoryFolder.skippedSummary(load);
    spec.commandLine().getOut().println(skipped.isEmpty() ? summary : summary + "; " + skipped);
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  // "embedding 12,000/48,000 sentences": on a terminal in place; elsewhere (logs, a Docker build) a line every ten
  // seconds of a long run, and nothing for a short one.
  private ProgressListener embeddingProgress() {
    PrintWriter err = spec.commandLine().getErr();
    boolean terminal = System.console() != null;
    long[] last = {System.nanoTime()};
    return (done, total) -> {
      if (!terminal && System.nanoTime() - last[0] < 10_000_000_000L) return;
      last[0] = System.nanoTime();
      String line = String.format(Locale.ROOT, "embedding %,d/%,d sentences", done, total);
      if (terminal) {
        err.print("\r" + line);
        if (done == total) err.println();
      } else {
        err.println(line);
      }
      err.flush();
    };
  }

  // A progress bar on a terminal only: piped or captured stderr stays free of carriage-return noise.
  private IntConsumer progress(int total) {
    if (System.console() == null) return n -> {};
    PrintWriter err = spec.commandLine().getErr();
    return done -> {
      int width = 30;
      int filled = total == 0 ? width : done * width / total;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " stories");
      if (done == total) err.println();
      err.flush();
    };
  }
}
