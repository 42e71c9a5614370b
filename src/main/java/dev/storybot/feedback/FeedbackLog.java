package dev.storybot.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The feedback log: one JSON object a line in {@value #FILE} inside a folder, appended to, never rewritten. */
public final class FeedbackLog implements FeedbackStore {

  /** The log's file name inside the feedback folder. */
  public static final String FILE = "feedback.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  /** A log in {@code dir}, created with the first click. */
  public FeedbackLog(Path dir) {
    this.dir = dir;
  }

  /** The file clicks are appended to. */
  public Path file() {
    return dir.resolve(FILE);
  }

  /** Appends {@code feedback} as one line; lines of concurrent clicks never interleave. */
  @Override
  public synchronized void append(Feedback feedback) throws IOException {
    Files.createDirectories(dir);
    String line = JSON.writeValueAsString(feedback) + "\n";
    Files.writeString(file(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * Every click logged in {@code dir}'s .jsonl files, oldest file first.
   *
   * @throws IllegalArgumentException naming the file and line of a line that is not feedback
   */
  public static List<Feedback> read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no feedback folder " + dir);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    List<Feedback> out = new ArrayList<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) continue;
        try {
          out.add(JSON.readValue(lines.get(i), Feedback.class));
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(f + " line " + (i + 1) + " is not a feedback record: " + e.getOriginalMessage(), e);
        }
      }
    }
    return out;
  }

  @Override
  public List<Feedback> readAll() throws IOException {
    return read(dir);
  }

  @Override
  public String describe() {
    return file().toString();
  }

  /** {@link #append} for callers that cannot handle the checked exception. */
  public void appendUnchecked(Feedback feedback) {
    try {
      append(feedback);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to " + file(), e);
    }
  }
}
