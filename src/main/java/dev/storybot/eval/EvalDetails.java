package dev.storybot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes one JSON line per question outcome, for looking at misses one by one. */
public final class EvalDetails {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalDetails() {}

  /** {"story", "question", "answers", "impossible", "inCorpus", "answered", "hitRank", "confidence", "quote"}. */
  public static void write(Path file, List<EvalOutcome> outcomes) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(w, null, outcomes);
    }
  }

  /** The same per direction, each line also naming the one story that was indexed ("indexed"). */
  public static void write(Path file, OffCorpusReport report) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (OffCorpusReport.Direction d : report.directions()) write(w, d.indexed(), d.outcomes());
    }
  }

  private static void write(BufferedWriter w, String indexed, List<EvalOutcome> outcomes) throws IOException {
    for (EvalOutcome o : outcomes) {
      ObjectNode n = JSON.createObjectNode();
      if (indexed != null) n.put("indexed", indexed);
      n.put("story", o.question().story());
      n.put("question", o.question().question());
      n.set("answers", JSON.valueToTree(o.question().answers()));
      n.put("impossible", o.question().impossible());
      n.put("inCorpus", o.inCorpus());
      n.put("answered", o.answered());
      n.put("hitRank", o.hitRank());
      n.put("confidence", Math.round(o.confidence() * 1000) / 1000.0);
      n.put("quote", o.firstQuote());
      w.write(n.toString());
      w.newLine();
    }
  }
}
