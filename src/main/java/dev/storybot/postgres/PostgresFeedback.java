package dev.storybot.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.feedback.Feedback;
import dev.storybot.feedback.FeedbackStore;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * 👍/👎 clicks in storybot_feedback, one row each holding the same JSON as a line of the feedback log, so that
 * `storybot feedback` sees the clicks made on every replica. Never falls back to memory: a click that cannot be
 * recorded is reported, and the clicker told.
 */
public final class PostgresFeedback implements FeedbackStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database db;

  public PostgresFeedback(Database db) {
    this.db = db;
  }

  @Override
  public void append(Feedback feedback) throws IOException {
    String json = JSON.writeValueAsString(feedback);
    if (!db.up()) throw new IOException("the database is unreachable");
    try {
      db.run("record feedback", c -> {
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO storybot_feedback (clicked_at, verdict, click) VALUES (?, ?, ?::jsonb)")) {
          p.setTimestamp(1, Timestamp.from(clickedAt(feedback)));
          p.setString(2, feedback.verdict());
          p.setString(3, json);
          return p.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw new IOException("could not record feedback: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Feedback> readAll() throws IOException {
    try {
      return db.run("read feedback", c -> {
        List<Feedback> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, click::text FROM storybot_feedback ORDER BY id")) {
          p.setFetchSize(1_000);
          c.setAutoCommit(false);  // the driver streams rows (fetch size) only inside a transaction
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) out.add(parse(rs.getLong(1), rs.getString(2)));
          } finally {
            c.commit();
            c.setAutoCommit(true);
          }
        }
        return out;
      });
    } catch (SQLException e) {
      throw new IOException("cannot read the feedback from the database at " + db.describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "the database at " + db.describe();
  }

  private static Feedback parse(long id, String json) {
    try {
      return JSON.readValue(json, Feedback.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("storybot_feedback row " + id + " is not a feedback record: "
          + e.getOriginalMessage(), e);
    }
  }

  private static Instant clickedAt(Feedback f) {
    try {
      return f.time() == null ? Instant.now() : Instant.parse(f.time());
    } catch (DateTimeParseException e) {
      return Instant.now();
    }
  }
}
