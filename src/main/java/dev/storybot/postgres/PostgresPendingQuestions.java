package dev.storybot.postgres;

import dev.storybot.slack.Courier;
import dev.storybot.slack.PendingQuestion;
import dev.storybot.slack.PendingQuestions;
import dev.storybot.slack.SlackCall;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PendingQuestions} in storybot_pending, each row owned by the replica answering it: recorded before Slack
 * is acknowledged, its reply stored when made, deleted once delivered. Rows whose owner's lease has run out (it died)
 * or that it handed over (it stopped) are adopted by another replica, exactly once: the adoption is one UPDATE over
 * rows locked with FOR UPDATE SKIP LOCKED. This process's own questions are mirrored in memory for the counts; while
 * the database is down questions are taken on in memory alone (answered, but not protected against this process
 * dying).
 */
public final class PostgresPendingQuestions implements PendingQuestions {

  private static final Logger log = LoggerFactory.getLogger(PostgresPendingQuestions.class);

  private static final class Mine {
    final Instant acceptedAt;
    final boolean inDb;
    boolean answered;

    Mine(Instant acceptedAt, boolean inDb, boolean answered) {
      this.acceptedAt = acceptedAt;
      this.inDb = inDb;
      this.answered = answered;
    }
  }

  private final Database db;
  private final int capacity;
  private final LinkedHashMap<String, Mine> mine = new LinkedHashMap<>();
  private final Set<String> unfinished = ConcurrentHashMap.newKeySet();  // finished while the database was down
  private volatile boolean stopping;

  /** A journal of at most {@code capacity} questions of this process's at once. */
  public PostgresPendingQuestions(Database db, int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    this.db = db;
    this.capacity = capacity;
    db.onHeartbeat(this::flush);
  }

  @Override
  public Taken accept(PendingQuestion q) {
    synchronized (this) {
      if (mine.containsKey(q.id())) return Taken.DUPLICATE;
      if (mine.size() >= capacity) return Taken.FULL;
    }
    Boolean recorded = db.orElse("accept a question", c -> {
      try (PreparedStatement p = c.prepareStatement(PendingRows.INSERT)) {
        PendingRows.insert(p, q, db.replica());
        return p.executeUpdate() == 1;
      }
    }, () -> null);
    if (Boolean.FALSE.equals(recorded)) return Taken.DUPLICATE;  // another replica has it
    synchronized (this) {
      if (mine.putIfAbsent(q.id(), new Mine(q.acceptedAt(), recorded != null, false)) != null) return Taken.DUPLICATE;
    }
    return Taken.NEW;
  }

  @Override
  public boolean answered(String id, SlackCall reply) {
    Mine m;
    synchronized (this) {
      m = mine.get(id);
      if (m == null || m.answered) return false;
      m.answered = true;
    }
    if (!m.inDb) return true;
    Boolean ours = db.orElse("store a reply", c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE storybot_pending SET reply_method = ?, reply_url = ?,"
          + " reply_body = ?, reply_rate_key = ?, answered_at = now() WHERE id = ? AND owner = ? AND answered_at IS NULL")) {
        PendingRows.reply(p, 1, reply);
        p.setString(5, id);
        p.setString(6, db.replica());
        return p.executeUpdate() == 1;
      }
    }, () -> null);
    if (ours == null || ours) return true;  // unreachable database: better a reply twice than none
    log.info("A {} reply was not sent: another replica took the question over", reply.method());
    synchronized (this) {
      mine.remove(id);
    }
    return false;
  }

  @Override
  public void finished(String id, Courier.Outcome outcome) {
    Mine m;
    synchronized (this) {
      m = mine.remove(id);
    }
    if (m == null || !m.inDb) return;
    // Stopping, a reply given up is handed over: another replica tries it.
    boolean handOver = stopping && outcome == Courier.Outcome.GAVE_UP;
    if (!end(id, handOver)) unfinished.add(id);
  }

  private boolean end(String id, boolean handOver) {
    return db.orElse(handOver ? "hand a question over" : "finish a question", c -> {
      try (PreparedStatement p = c.prepareStatement(handOver
          ? "UPDATE storybot_pending SET owner = NULL WHERE id = ? AND owner = ?"
          : "DELETE FROM storybot_pending WHERE id = ? AND owner = ?")) {
        p.setString(1, id);
        p.setString(2, db.replica());
        p.executeUpdate();
        return true;
      }
    }, () -> false);
  }

  // Questions finished while the database was down are deleted once it is back, else another replica would take
  // them over when this one stops.
  private void flush() {
    for (String id : List.copyOf(unfinished)) {
      if (end(id, false)) unfinished.remove(id);
    }
  }

  @Override
  public synchronized int pending() {
    return mine.size();
  }

  @Override
  public synchronized Optional<Instant> oldest() {
    for (Map.Entry<String, Mine> e : mine.entrySet()) return Optional.of(e.getValue().acceptedAt);
    return Optional.empty();
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public List<Adopted> adoptOrphans(int max) {
    if (stopping || max < 1) return List.of();
    List<Adopted> adopted = db.orElse("take questions over", c -> {
      List<Adopted> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("UPDATE storybot_pending p SET owner = ?,"
          + " adoptions = p.adoptions + 1 WHERE p.id IN (SELECT q.id FROM storybot_pending q"
          + " WHERE q.owner IS DISTINCT FROM ? AND (q.owner IS NULL OR NOT EXISTS (SELECT 1 FROM storybot_replicas r"
          + " WHERE r.id = q.owner AND r.expires_at > now())) ORDER BY q.accepted_at LIMIT ? FOR UPDATE SKIP LOCKED)"
          + " RETURNING p.*")) {
        p.setString(1, db.replica());
        p.setString(2, db.replica());
        p.setInt(3, max);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) out.add(PendingRows.read(rs));
        }
      }
      return out;
    }, List::of);
    synchronized (this) {
      for (Adopted a : adopted) {
        mine.put(a.question().id(), new Mine(a.question().acceptedAt(), true, a.reply() != null));
      }
    }
    return adopted;
  }

  @Override
  public void stopping() {
    stopping = true;
  }

  @Override
  public void close() {
    stopping = true;
    flush();
    int left = db.orElse("hand questions over", c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE storybot_pending SET owner = NULL WHERE owner = ?")) {
        p.setString(1, db.replica());
        return p.executeUpdate();
      }
    }, () -> -1);
    if (left > 0) log.info("Handed {} unfinished questions over to the other replicas", left);
    if (left < 0) log.warn("Could not hand unfinished questions over: the other replicas take them once this lease ends");
  }
}
