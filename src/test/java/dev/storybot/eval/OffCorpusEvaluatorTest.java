package dev.storybot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import dev.storybot.story.Attribution;
import dev.storybot.story.Story;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OffCorpusEvaluatorTest {

  private static final Story HARBOUR = new Story("harbour.txt", Attribution.NONE.withTitle("The Old Harbour"),
      List.of("The harbour was built in 1887.", "The crossing takes ninety minutes."));
  private static final Story ORCHARD = new Story("orchard.txt", Attribution.NONE.withTitle("Apple Growers"),
      List.of("The cider mill is in Saint-Amans."));

  /** A crude keyword answerer: the first paragraph sharing a long word with the question, else not found. */
  private static AnswererFactory.Opened keywordAnswerer(List<Story> stories, List<List<String>> opened) {
    opened.add(stories.stream().map(Story::id).toList());
    return new AnswererFactory.Opened(asked -> {
      String question = asked.text();
      List<String> words = Arrays.stream(question.toLowerCase(Locale.ROOT).split("\\W+"))
          .filter(w -> w.length() > 4).toList();
      for (Story s : stories) {
        for (String p : s.paragraphs()) {
          if (words.stream().anyMatch(p.toLowerCase(Locale.ROOT)::contains)) {
            Excerpt e = new Excerpt(s.id(), s.attribution(), 1, p, 1, List.of());
            return Answer.found(question, List.of(e), 0.9, false, null);
          }
        }
      }
      return Answer.notFound(question, List.of(), 0, null);
    }, () -> { });
  }

  @Test
  void indexesEachStoryAloneAndCountsTheOthersQuestionsAsOffCorpus() throws Exception {
    List<List<String>> opened = new ArrayList<>();
    List<EvalQuestion> questions = List.of(
        new EvalQuestion("harbour", 0, "When was the harbour built?", List.of("1887"), false),
        new EvalQuestion("harbour", 1, "How long is the crossing?", List.of("ninety minutes"), false),
        new EvalQuestion("orchard", 0, "Where is the cider mill?", List.of("Saint-Amans"), false),
        new EvalQuestion("orchard", 0, "Which harbour ships the cider?", List.of(), true));

    OffCorpusReport report = new OffCorpusEvaluator(stories -> keywordAnswerer(stories, opened))
        .run(List.of(HARBOUR, ORCHARD), questions);

    assertEquals(List.of(List.of("harbour.txt"), List.of("orchard.txt")), opened);
    EvalReport harbourOnly = report.directions().get(0).report();
    assertEquals("harbour.txt", report.directions().get(0).indexed());
    assertEquals(2, harbourOnly.answerable());
    assertEquals(0, harbourOnly.falseAbstains());
    assertEquals(2, harbourOnly.offCorpus());
    assertEquals(1, harbourOnly.declinedOffCorpus(), "the cider question is declined, the harbour one is not");
    EvalReport orchardOnly = report.directions().get(1).report();
    assertEquals(1, orchardOnly.answerable());
    assertEquals(1, orchardOnly.unanswerable());
    assertEquals(2, orchardOnly.declinedOffCorpus());
    EvalReport combined = report.combined();
    assertEquals(3, combined.answerable());
    assertEquals(4, combined.offCorpus());
    assertEquals(0.75, combined.declinedOffCorpusShare());
    assertEquals(0.0, combined.falseAbstain());
  }

  @Test
  void needsAtLeastTwoStories() {
    OffCorpusEvaluator evaluator = new OffCorpusEvaluator(stories -> keywordAnswerer(stories, new ArrayList<>()));
    assertThrows(IllegalArgumentException.class, () -> evaluator.run(List.of(HARBOUR), List.of()));
  }
}
