package dev.storybot.eval;

import dev.storybot.story.Story;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "Not in our stories" calibration: indexes one story of the folder at a time and asks every question. The other
 * stories' questions are off-corpus and must all be declined; the indexed story's answerable questions must still be
 * answered (false_abstain).
 */
public final class OffCorpusEvaluator {
  private final AnswererFactory factory;

  public OffCorpusEvaluator(AnswererFactory factory) {
    this.factory = factory;
  }

  /** One run per story (a "direction"), then the figures over all runs together. */
  public OffCorpusReport run(List<Story> stories, List<EvalQuestion> questions) throws Exception {
    if (stories.size() < 2) {
      throw new IllegalArgumentException("off-corpus needs at least 2 stories in the folder, found " + stories.size());
    }
    List<OffCorpusReport.Direction> directions = new ArrayList<>();
    List<EvalOutcome> all = new ArrayList<>();
    double seconds = 0;
    for (Story story : stories) {
      try (AnswererFactory.Opened opened = factory.open(List.of(story))) {
        Evaluator.EvalRun run = new Evaluator(opened.answerer(), questionKeys(List.of(story))).run(questions);
        directions.add(new OffCorpusReport.Direction(story.id(), run.report(), run.outcomes()));
        all.addAll(run.outcomes());
        seconds += run.report().seconds();
      }
    }
    return new OffCorpusReport(directions, EvalReport.of(all, seconds));
  }

  /**
   * The names questions may use for these stories: the id, and the id without its file extension (the questions
   * format names a story by its file name without extension).
   */
  public static Set<String> questionKeys(List<Story> stories) {
    Set<String> keys = new HashSet<>();
    for (Story s : stories) {
      keys.add(s.id());
      int dot = s.id().lastIndexOf('.');
      if (dot > 0) keys.add(s.id().substring(0, dot));
    }
    return keys;
  }
}
