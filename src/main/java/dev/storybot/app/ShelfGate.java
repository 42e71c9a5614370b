package dev.storybot.app;

import dev.storybot.index.IndexStats;
import dev.storybot.search.Shelf;
import dev.storybot.server.Readiness;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one readiness gate: closed while the stories load (the server answers 503, a question that slips through is
 * told the stories are loading), open once the shelf is in. Hands the shelf to everything that reads it.
 */
final class ShelfGate implements Supplier<Shelf>, Readiness {

  private volatile Shelf shelf;
  private volatile Supplier<Map<String, Object>> more = Map::of;
  private volatile BooleanSupplier slackFailing = () -> false;
  private volatile Supplier<Map<String, Object>> slack = Map::of;

  /**
   * Opens the gate: from now on questions read {@code opened}; {@code more} adds to /healthz what else there is to
   * say ("reload": the last reload, "meaning": whether answers use it yet).
   */
  void open(Shelf opened, Supplier<Map<String, Object>> more) {
    this.more = more;
    this.shelf = opened;
  }

  /** Adds Slack's side to /healthz: {@code failing} makes it "degraded", {@code health} is its "slack" entry. */
  void watchSlack(BooleanSupplier failing, Supplier<Map<String, Object>> health) {
    this.slackFailing = failing;
    this.slack = health;
  }

  @Override
  public boolean degraded() {
    return slackFailing.getAsBoolean();
  }

  @Override
  public Shelf get() {
    Shelf s = shelf;
    // The server refuses Slack's requests until the shelf is in, so this only fires on a race with start-up.
    if (s == null) throw new IllegalStateException("the stories are still loading");
    return s;
  }

  @Override
  public boolean ready() {
    return shelf != null;
  }

  // Counts and generation from one snapshot, read after the last reload's result: a reload finishing in between can
  // make the index newer than "reload", never older.
  @Override
  public Map<String, Object> health() {
    Map<String, Object> extra = more.get();
    IndexStats s = get().read(Shelf.Snapshot::stats);
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("stories", s.stories());
    health.put("paragraphs", s.paragraphs());
    health.put("generation", s.generation());
    health.putAll(extra);
    Map<String, Object> replies = slack.get();
    if (!replies.isEmpty()) health.put("slack", replies);
    return health;
  }

  /** The shelf if it was opened, for closing; null otherwise. */
  Shelf opened() {
    return shelf;
  }
}
