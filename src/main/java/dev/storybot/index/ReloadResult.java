package dev.storybot.index;

import dev.storybot.story.StoryLoad;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one read of the stories folder did to the index, for /healthz, logs and metrics.
 *
 * @param at when the reload finished
 * @param result {@code ok} (every file read), {@code partial} (some skipped) or {@code failed} (index unchanged)
 * @param stories stories in the index afterwards
 * @param paragraphs paragraphs in the index afterwards
 * @param generation the index's commit generation afterwards
 * @param skipped files not read, with the reason
 * @param kept ids of stories whose files broke and whose previous version stays in the index
 * @param error why the reload failed, or null
 * @param millis how long it took
 */
public record ReloadResult(Instant at, String result, int stories, int paragraphs, long generation,
                           List<StoryLoad.Skipped> skipped, List<String> kept, String error, long millis) {

  public ReloadResult {
    skipped = List.copyOf(skipped);
    kept = List.copyOf(kept);
  }

  /** As /healthz shows it. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", at.toString());
    m.put("result", result);
    m.put("stories", stories);
    m.put("paragraphs", paragraphs);
    m.put("generation", generation);
    m.put("skipped", skipped.stream().map(s -> Map.of("file", s.file(), "reason", s.reason())).toList());
    m.put("kept", kept);
    if (error != null) m.put("error", error);
    m.put("millis", millis);
    return m;
  }
}
