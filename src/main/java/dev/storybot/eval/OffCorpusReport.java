package dev.storybot.eval;

import java.util.List;

/**
 * The figures of an off-corpus run: one report per indexed story, and all directions combined.
 *
 * @param directions one per story of the folder, in folder order
 * @param combined the figures over every direction's outcomes together
 */
public record OffCorpusReport(List<Direction> directions, EvalReport combined) {

  public OffCorpusReport {
    directions = List.copyOf(directions);
  }

  /** One run with only {@code indexed} in the index and every question asked, with each question's outcome. */
  public record Direction(String indexed, EvalReport report, List<EvalOutcome> outcomes) {
    public Direction {
      outcomes = List.copyOf(outcomes);
    }
  }
}
