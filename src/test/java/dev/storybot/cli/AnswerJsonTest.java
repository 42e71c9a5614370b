package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import dev.storybot.search.Quote;
import dev.storybot.search.Quote.Kind;
import dev.storybot.search.TextRange;
import dev.storybot.story.Attribution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The `ask --json` excerpt fields: the verbatim quote stays, speaker and shown text are added after the old fields. */
class AnswerJsonTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void speakerAndShownFollowTheFieldsEveryReaderKnows() throws Exception {
    String p = "He said “we will start";
    Quote shown = new Quote(new TextRange(0, p.length()), List.of(Quote.added(Kind.BRACKETED, "Osei"),
        Quote.words(p, new TextRange(2, p.length())), Quote.added(Kind.ELLIPSIS, "…"), Quote.added(Kind.MARK, "”")));
    Excerpt e = new Excerpt("s", Attribution.NONE.withTitle("T"), 2, p, 1.5, List.of(), shown,
        List.of(new Excerpt.Voice("Daniel Osei, council member", false), new Excerpt.Voice("Fernandes", true)));
    JsonNode x = json.readTree(AnswerJson.line(Answer.found("q", List.of(e), 0.9, false, null))).path("excerpts").get(0);
    List<String> names = new ArrayList<>();
    x.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("storyId", "title", "source", "byline", "published", "url", "paragraph", "quote", "score",
        "speaker", "shown"), names);
    assertEquals(p, x.path("quote").asText());
    assertEquals("[Osei] said “we will start…”", x.path("shown").asText());
    assertEquals("Daniel Osei, council member; Fernandes", x.path("speaker").asText());
  }

  @Test
  void aPlainQuoteWithNoSpeakerAddsNoField() throws Exception {
    Excerpt e = new Excerpt("s", Attribution.NONE.withTitle("T"), 2, "It rained.", 1.5, List.of());
    JsonNode x = json.readTree(AnswerJson.line(Answer.found("q", List.of(e), 0.9, false, null))).path("excerpts").get(0);
    assertFalse(x.has("speaker"));
    assertFalse(x.has("shown"));
  }
}
