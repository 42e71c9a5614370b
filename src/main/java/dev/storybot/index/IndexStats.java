package dev.storybot.index;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;

/**
 * What the current index holds, read from its commit.
 *
 * @param stories stories indexed
 * @param paragraphs paragraphs (documents) indexed
 * @param generation the Lucene commit generation; grows with every rebuild
 * @param builtAt when the commit was written, or null when unknown
 * @param model the embedding model of the paragraphs' vectors, or null when the index holds words alone
 */
public record IndexStats(int stories, int paragraphs, long generation, Instant builtAt, String model) {

  /** The figures of the commit {@code reader} reads. */
  public static IndexStats of(DirectoryReader reader) throws IOException {
    Map<String, String> data = reader.getIndexCommit().getUserData();
    return new IndexStats(intOf(data.get(IndexSchema.DATA_STORIES)), reader.numDocs(),
        reader.getIndexCommit().getGeneration(), instantOf(data.get(IndexSchema.DATA_BUILT_AT)),
        data.get(VectorFields.DATA_MODEL));
  }

  private static int intOf(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Instant instantOf(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
