package dev.storybot.postgres;

import dev.storybot.slack.Ask;
import dev.storybot.slack.Destination;
import dev.storybot.slack.PendingQuestion;
import dev.storybot.slack.PendingQuestions;
import dev.storybot.slack.SlackCall;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/** A {@link PendingQuestion} and its reply as a row of storybot_pending, and back. */
final class PendingRows {

  /** The columns {@link #insert} fills, in order. */
  static final String INSERT = "INSERT INTO storybot_pending (id, owner, kind, ask, destination, channel, thread_ts,"
      + " response_url, dest_user, asker, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private PendingRows() {}

  static void insert(PreparedStatement p, PendingQuestion q, String owner) throws SQLException {
    p.setString(1, q.id());
    p.setString(2, owner);
    p.setString(3, q.kind());
    p.setString(4, q.ask() == null ? null : q.ask().toValue());
    String type = null;
    String channel = null;
    String thread = null;
    String url = null;
    String user = null;
    if (q.to() instanceof Destination.Conversation c) {
      type = "conversation";
      channel = c.channel();
      thread = c.threadTs();
    } else if (q.to() instanceof Destination.Private pr) {
      type = "private";
      channel = pr.channel();
      url = pr.responseUrl();
    } else if (q.to() instanceof Destination.Ephemeral e) {
      type = "ephemeral";
      channel = e.channel();
      thread = e.threadTs();
      user = e.user();
    }
    p.setString(5, type);
    p.setString(6, channel);
    p.setString(7, thread);
    p.setString(8, url);
    p.setString(9, user);
    p.setString(10, q.asker());
    p.setTimestamp(11, Timestamp.from(q.acceptedAt()));
  }

  /** Sets the reply columns from parameter {@code first} on: method, response_url, body, rate key. */
  static void reply(PreparedStatement p, int first, SlackCall reply) throws SQLException {
    p.setString(first, reply.method());
    p.setString(first + 1, reply.responseUrl());
    p.setString(first + 2, reply.body());
    p.setString(first + 3, reply.rateKey());
  }

  static PendingQuestions.Adopted read(ResultSet rs) throws SQLException {
    String ask = rs.getString("ask");
    Destination to = switch (String.valueOf(rs.getString("destination"))) {
      case "conversation" -> new Destination.Conversation(rs.getString("channel"), rs.getString("thread_ts"));
      case "private" -> new Destination.Private(rs.getString("response_url"), rs.getString("channel"));
      case "ephemeral" -> new Destination.Ephemeral(rs.getString("channel"), rs.getString("dest_user"),
          rs.getString("thread_ts"));
      default -> null;
    };
    PendingQuestion q = new PendingQuestion(rs.getString("id"), rs.getString("kind"),
        ask == null ? null : Ask.fromValue(ask).orElse(null), to, rs.getString("asker"),
        rs.getTimestamp("accepted_at").toInstant());
    String method = rs.getString("reply_method");
    SlackCall reply = method == null ? null : SlackCall.restore(method, rs.getString("reply_url"),
        rs.getString("reply_body"), rs.getString("reply_rate_key"));
    return new PendingQuestions.Adopted(q, reply);
  }
}
