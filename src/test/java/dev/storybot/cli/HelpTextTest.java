package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's --help as a terminal of 80 columns shows it: lines wrapped only where the next word does not fit
 * (never mid-sentence), and URLs, paths and flags whole.
 */
class HelpTextTest {

  private static final int WIDTH = 80;
  /** Words that must never be cut: URLs, ./paths, JVM flags, ISO durations and the like. */
  private static final Pattern UNBREAKABLE = Pattern.compile("\\S*(?:://|\\./|-XX:|\\$[A-Z_]+/)\\S*");

  @Test
  void linesBreakOnlyWhereTheNextWordDoesNotFit() {
    for (CommandLine c : all(StorybotCommand.commandLine())) {
      String[] lines = c.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\\R");
      int start = 1;  // after the synopsis ("Usage: …" and its indented continuation lines)
      while (start < lines.length && lines[start].startsWith(" ")) start++;
      for (int i = start; i + 1 < lines.length; i++) {
        String line = lines[i].stripTrailing();
        String next = lines[i + 1].strip();
        if (line.isEmpty() || next.isEmpty() || line.matches(".*[.:;)!?]") || next.startsWith("-")) continue;
        // An option whose name fills the first column has its description on the next line, by design.
        if (line.strip().startsWith("-") && !line.strip().contains("  ")) continue;
        String nextWord = next.split("\\s+")[0];
        assertTrue(line.length() + 1 + nextWord.length() >= WIDTH, c.getCommandName() + ": a line broken early, before \""
            + nextWord + "\":\n" + line + "\n" + lines[i + 1]);
      }
    }
  }

  @Test
  void urlsPathsAndFlagsAreNeverCut() {
    for (CommandLine c : all(StorybotCommand.commandLine())) {
      String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
      for (String word : unbreakable(c.getCommandSpec())) {
        assertTrue(usage.contains(word), c.getCommandName() + ": \"" + word + "\" is cut in\n" + usage);
      }
    }
  }

  private static List<String> unbreakable(CommandSpec spec) {
    List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
    for (OptionSpec o : spec.options()) {
      texts.addAll(List.of(o.description()));
      if (o.defaultValue() != null) texts.add(o.defaultValue());
    }
    List<String> words = new ArrayList<>();
    for (String t : texts) {
      Matcher m = UNBREAKABLE.matcher(t.replace("${DEFAULT-VALUE}", ""));
      while (m.find()) words.add(m.group().replaceAll("[.,;)]+$", ""));
    }
    return words;
  }

  private static List<CommandLine> all(CommandLine root) {
    List<CommandLine> out = new ArrayList<>(List.of(root));
    root.getSubcommands().values().stream().distinct().flatMap(c -> all(c).stream()).forEach(out::add);
    return out.stream().distinct().toList();
  }
}
