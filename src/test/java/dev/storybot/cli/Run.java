package dev.storybot.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One run of the real `storybot` command line with captured output, for tests (the bench's tests too). */
public record Run(int exitCode, String out, String err) {

  public static Run of(String... args) {
    CommandLine cl = StorybotCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs with {@code stdin} as standard input, restoring the real one afterwards. */
  static Run withInput(String stdin, String... args) {
    InputStream real = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return of(args);
    } finally {
      System.setIn(real);
    }
  }

  public String[] outLines() {
    return out.isEmpty() ? new String[0] : out.split("\\R");
  }
}
