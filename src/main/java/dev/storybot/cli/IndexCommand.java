package dev.storybot.cli;

import dev.storybot.index.IndexStats;
import dev.storybot.index.StoryIndexer;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `storybot index`: builds (or atomically replaces) the paragraph index from a folder of story files. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Indexes a folder of story files; searches of the old index continue until the new one is committed.")
final class IndexCommand implements Callable<Integer> {

  @Option(names = "--stories", required = true, paramLabel = "DIR", description = "Folder of story files.")
  Path stories;

  @Option(names = "--index", defaultValue = "index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--max-file-size", defaultValue = "5M", paramLabel = "SIZE",
      description = "Skip story files larger than this: bytes, or with K or M (default: ${DEFAULT-VALUE}).")
  String maxFileSize;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    StoryLoad load = StoryFolder.load(stories, StoryFolder.size("--max-file-size", maxFileSize));
    if (Files.exists(index) && !Files.isDirectory(index)) {
      throw new ExitCodes.UserException(index + " is a file: give --index a folder (it is created if missing)");
    }
    Files.createDirectories(index);
    IndexStats stats;
    try (Directory dir = FSDirectory.open(index)) {
      stats = new StoryIndexer().write(dir, load.stories(), progress(load.stories().size()));
    } catch (LockObtainFailedException e) {
      throw new ExitCodes.UserException("another process is writing the index in " + index + ": wait for it to finish");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String summary = String.format(Locale.ROOT, "indexed %d stories (%d paragraphs) in %.1f s",
        stats.stories(), stats.paragraphs(), seconds);
    String skipped = StoryFolder.skippedSummary(load);
    spec.commandLine().getOut().println(skipped.isEmpty() ? summary : summary + "; " + skipped);
    return ExitCodes.OK;
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
