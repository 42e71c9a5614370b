package dev.storybot.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the questions .jsonl format: one {@link EvalQuestion} JSON object a line, blank lines ignored. */
public final class EvalQuestions {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

  private EvalQuestions() {}

  /**
   * Reads every question of the file.
   *
   * @throws IllegalArgumentException naming the file and line when a line is not a valid question, or when the file
   *     holds no questions at all
   */
  public static List<EvalQuestion> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<EvalQuestion> questions = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) continue;
      questions.add(parse(line, file.getFileName() + " line " + (i + 1)));
    }
    if (questions.isEmpty()) throw new IllegalArgumentException(file + " holds no questions");
    return questions;
  }

  static EvalQuestion parse(String line, String where) {
    try {
      return JSON.readValue(line, EvalQuestion.class);
    } catch (JsonProcessingException e) {
      // The record's own checks arrive wrapped; show their message, not Jackson's location dump.
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      String why = root == e ? e.getOriginalMessage() : root.getMessage();
      throw new IllegalArgumentException(where + ": " + why
          + " (expected {\"story\": ..., \"question\": ..., \"answers\": [...], \"impossible\": false})", e);
    }
  }
}
