package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Question;
import dev.storybot.answer.ShelfAnswerer;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.Shelf;
import dev.storybot.story.StoryLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Generated questions of the worst kind — Lucene query syntax, unbalanced quotes, wildcards, escapes, emoji, RTL
 * text, control characters, lone surrogates, filters with garbage values, 10,000 characters — through the real
 * path: Slack's text clean-up, the filter parser, the real LuceneAnswerer over the bundled story, and the renderer.
 * Nothing may throw except a filter's own BadFilter, and every reply must fit Slack's limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileQuestionsTest {

  private static final long SEED = 20261127L;
  private static final int QUESTIONS = 300;
  private static final String[] PIECES = {
      "+", "-", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "^", "\"", "~", "~2", "*", "?", ":", "\\", "/", "\\\\",
      "AND", "OR", "NOT", "TO", "field:", "text:", "title:*", "[a TO z]", "{* TO *}", "/re.*gex/", "\"unbalanced",
      "'", "\u201c", "\u201d", "<@U123>", "<#C123|x>", "<https://x.test|x>", "&amp;", "&lt;", "*bold*", "_it_", "`code`",
      "\uD83D\uDE00", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", "\u202E", "\u200F", "\u05E9\u05DC\u05D5\u05DD",
      "\u0645\u0631\u062D\u0628\u0627", "\u0000", "\u0007", "\u001B[31m", "\u007F", "\t", "\r\n", "\uD800", "\uDFFF",
      "e\u0301", "\uFEFF", "\u200B", "source:", "in:\"", "in:\u201c", "after:2023-13-45", "before:x", "after:",
      "source:\"\"", "Blinken", "Tokyo", "cables", "what", "who", "when", "1e309", "NaN", "%s", "%n", "${jndi:x}"};

  private Shelf shelf;
  private ShelfAnswerer answerer;
  private final ReplyRenderer renderer = new ReplyRenderer();

  @BeforeAll
  void indexTheBundledStory() {
    shelf = new LuceneShelf(StoryIndex.inMemory(StoryLoader.bundled()));
    answerer = new ShelfAnswerer(shelf);
  }

  @AfterAll
  void close() {
    shelf.close();
  }

  @Test
  void noGeneratedQuestionMakesAnythingThrowAndEveryReplyFitsSlack() {
    Random r = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int badFilters = 0;
    for (int n = 0; n < QUESTIONS; n++) {
      String raw = question(r, n);
      try {
        // As Slack hands it over, and as `ask` does (no clean-up, no cut): both must survive.
        answerer.answer(Question.of(raw));
        String cleaned = SlackText.question(raw);
        assertTrue(cleaned.length() <= SlackText.MAX_QUESTION_CHARS, "cut to the limit");
        if (cleaned.isEmpty()) continue;
        Answer asked = answerer.answer(new Question(cleaned, null, List.of(), 1, 3));
        if (asked.problem() != null && asked.problem().startsWith("I couldn't use that filter")) badFilters++;
        Ask ask = new Ask(cleaned, null, 1);
        for (Reply reply : List.of(renderer.answer(asked, ask), renderer.command(asked, ask),
            renderer.shared(asked, ask, "U1"))) {
          String problem = fitsSlack(reply);
          if (problem != null) failures.add("#" + n + ": " + problem);
        }
      } catch (RuntimeException e) {
        failures.add("#" + n + " (" + raw.length() + " chars): " + e);
      }
    }
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failures");
    assertTrue(badFilters > 0 && badFilters < QUESTIONS / 2, "some generated filters are bad, most questions not: "
        + badFilters);
  }

  @Test
  void aTenThousandCharacterQuestionIsCutForSlackAndGetsAnAnswerOrAPoliteNotFound() {
    String essay = "Where did Blinken go after Ankara? " + "and then what happened next ".repeat(400);
    String cut = SlackText.question(essay.substring(0, 10_000));
    assertEquals(SlackText.MAX_QUESTION_CHARS, cut.length());
    assertTrue(cut.endsWith("…"), "the cut shows");
    for (String q : List.of(cut, essay.substring(0, 10_000))) {
      Answer a = answerer.answer(Question.of(q));
      String text = renderer.answer(a, Ask.of(q)).text();
      assertTrue(a.answered() ? !a.excerpts().isEmpty() : text.startsWith(ReplyRenderer.NOT_FOUND), text);
    }
  }

  private static String question(Random r, int n) {
    int length = n % 25 == 0 ? 10_000 : 1 + r.nextInt(40);
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      b.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x3000) : PIECES[r.nextInt(PIECES.length)]);
      if (r.nextBoolean()) b.append(' ');
    }
    return b.toString();
  }

  // Slack refuses a message over 50 blocks or a section over 3,000 characters.
  private static String fitsSlack(Reply reply) {
    if (reply.blocks().size() > 50) return reply.blocks().size() + " blocks";
    if (reply.text().isEmpty()) return "no fallback text";
    for (LayoutBlock block : reply.blocks()) {
      if (block instanceof SectionBlock s && s.getText() != null && s.getText().getText().length() > 3_000) {
        return "a section of " + s.getText().getText().length() + " characters";
      }
    }
    return null;
  }
}
