package dev.storybot.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which stories a search may look at, and what an earlier question adds: the filter hook of the search. Every part
 * is optional; {@link #ALL} searches everything as before.
 *
 * @param sources publications the question names (`source:CNN`); any of them matches; empty: any
 * @param shelf publications a channel is limited to; any of them matches; empty: any
 * @param headline words every matching story's headline holds (`in:"hostage talks"`), or null
 * @param after only stories published after this day (not on it), or null
 * @param before only stories published before this day (not on it), or null
 * @param context an earlier question of the same thread, whose words favour its stories a little, or null
 */
public record Scope(List<String> sources, List<String> shelf, String headline, LocalDate after, LocalDate before,
                    String context) {

  /** No filter, no context. */
  public static final Scope ALL = new Scope(List.of(), List.of(), null, null, null, null);

  public Scope {
    sources = List.copyOf(sources);
    shelf = List.copyOf(shelf);
    if (headline != null && headline.isBlank()) headline = null;
    if (context != null && context.isBlank()) context = null;
    if (after != null && before != null && !after.plusDays(1).isBefore(before)) {
      throw new IllegalArgumentException("no day is after " + after + " and before " + before + ": check the dates");
    }
  }

  /** True when the scope narrows which stories are searched (context alone does not). */
  public boolean filters() {
    return !sources.isEmpty() || !shelf.isEmpty() || headline != null || after != null || before != null;
  }

  /** True when this is {@link #ALL}: nothing to filter, nothing to add. */
  public boolean isAll() {
    return !filters() && context == null;
  }

  /** This scope with {@code earlier} as context. */
  public Scope withContext(String earlier) {
    return new Scope(sources, shelf, headline, after, before, earlier);
  }

  /** This scope limited to {@code allowed} publications (a channel's setting). */
  public Scope withShelf(List<String> allowed) {
    return new Scope(sources, allowed, headline, after, before, context);
  }

  /** This scope without context, for counting the stories it lets through. */
  public Scope withoutContext() {
    return context == null ? this : withContext(null);
  }

  /** The filters in words, e.g. {@code stories from CNN with "hostage" in the headline after 2023-11-01}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add("stories");
    if (!sources.isEmpty()) parts.add("from " + String.join(" or ", sources));
    if (!shelf.isEmpty()) parts.add((sources.isEmpty() ? "from " : "among ") + String.join(" or ", shelf));
    if (headline != null) parts.add("with \u201c" + headline + "\u201d in the headline");
    if (after != null) parts.add("after " + after);
    if (before != null) parts.add("before " + before);
    return String.join(" ", parts);
  }
}
