package dev.storybot.bench;

import dev.storybot.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `storybot bench corpus`: writes a deterministic corpus of generated story files for benchmarks. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
    description = "Writes N paragraphs of generated stories (.jsonl and .txt); the same seed gives the same bytes.")
final class BenchCorpusCommand implements Callable<Integer> {

  @Option(names = "--paragraphs", required = true, paramLabel = "N", description = "Paragraphs to write.")
  int paragraphs;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    CorpusManifest m;
    try {
      m = new CorpusGenerator(seed).generate(out, paragraphs);
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
    spec.commandLine().getOut().println(String.format(Locale.ROOT,
        "wrote %d paragraphs in %d stories (%d files, %d shards, %.1f MB of text) to %s in %.1f s",
        m.paragraphs(), m.stories(), m.files(), m.shards(), m.textBytes() / 1e6, out,
        (System.nanoTime() - started) / 1e9));
    return ExitCodes.OK;
  }
}
