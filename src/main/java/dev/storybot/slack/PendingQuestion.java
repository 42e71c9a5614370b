package dev.storybot.slack;

import java.time.Instant;

/**
 * A request the bot has acknowledged and owes a reply, as data: enough for another process to answer it (issue 15)
 * should this one stop first.
 *
 * @param id the delivery id: Slack's event_id for events (the same on Slack's re-deliveries), else a fresh UUID
 * @param kind what was asked, a bounded vocabulary for logs and metric tags: app_mention, message.im, /story, …
 * @param ask the question, or null for work that is not one (a listing page, a feedback click, the Home tab)
 * @param to where the reply goes, or null (the Home tab)
 * @param asker who asked, or null when unknown
 * @param acceptedAt when it was acknowledged
 */
public record PendingQuestion(String id, String kind, Ask ask, Destination to, String asker, Instant acceptedAt) {
  public PendingQuestion {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("blank id");
    if (kind == null || kind.isBlank()) throw new IllegalArgumentException("blank kind");
  }
}
