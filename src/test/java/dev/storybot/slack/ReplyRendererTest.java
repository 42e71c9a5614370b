package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slack's formatting rules for replies: escaping, bold at word edges, the attribution line and the limits. */
class ReplyRendererTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReplyRenderer renderer = new ReplyRenderer();

  private static Excerpt excerpt(String quote, List<Excerpt.Span> emphasis) {
    return new Excerpt("s1", "Bridge <reopens> & more", "CNN", "Jo Reporter", "2023-11-06T10:00:00Z",
        "https://example.com/a?x=1&y=2", 4, quote, 1.0, emphasis);
  }

  private static JsonNode json(Reply reply) throws Exception {
    // The SDK's own serialiser, as the Web API client would send the blocks.
    return JSON.readTree(GsonFactory.createSnakeCase().toJson(reply.blocks()));
  }

  @Test
  void quoteIsABlockquoteWithMatchedWordsBoldAndStoryTextEscaped() {
    String quote = "Costs <rose> & engineers replaced cables.";
    int start = quote.indexOf("engineers");
    String shown = Quotes.blockquote(excerpt(quote, List.of(new Excerpt.Span(start, start + "engineers".length()))), 590);
    assertEquals("> Costs &lt;rose&gt; &amp; *engineers* replaced cables.", shown);
  }

  @Test
  void spansInsideAWordAreNotBolded() {
    assertEquals("engineers", Quotes.bold("engineers", List.of(new Excerpt.Span(0, 6))));
    assertEquals("*engineers*", Quotes.bold("engineers", List.of(new Excerpt.Span(0, 9))));
    assertEquals("a *b* c", Quotes.bold("a b c", List.of(new Excerpt.Span(1, 4))), "spaces trimmed off the span");
  }

  @Test
  void attributionLineHasEveryPartAndAnEscapedLink() {
    assertEquals("*Bridge &lt;reopens&gt; &amp; more* · CNN · Jo Reporter · 2023-11-06 · ¶4 · <https://example.com/a?x=1&amp;y=2|link>",
        ReplyRenderer.attribution(excerpt("q", List.of())));
    Excerpt bare = new Excerpt("s", "Title", null, " ", null, "javascript:alert(1)", 2, "q", 1, List.of());
    assertEquals("*Title* · ¶2", ReplyRenderer.attribution(bare), "missing parts and unsafe links are left out");
  }

  @Test
  void atMostThreeExcerptsAndEverySectionUnderSlacksLimit() throws Exception {
    String longQuote = "&".repeat(Excerpt.MAX_QUOTE_CHARS);
    List<Excerpt> five = List.of(excerpt(longQuote, List.of()), excerpt("b", List.of()), excerpt("c", List.of()),
        excerpt("d", List.of()), excerpt("e", List.of()));
    JsonNode blocks = json(renderer.answer(new Answer("q", true, five, List.of(), 0.9, true)));
    assertEquals(3, Blocks.sections(blocks).size());
    for (String s : Blocks.sections(blocks)) assertTrue(s.length() < 3000, "section of " + s.length());
  }

  @Test
  void notFoundOffersTheNearestHeadlines() throws Exception {
    Reply reply = renderer.answer(Answer.notFound("bananas?", List.of("Markets & prices", "Harvest"), 0.1));
    assertTrue(reply.text().startsWith("I couldn't find that in our stories."));
    assertTrue(reply.text().contains("Markets &amp; prices") && reply.text().contains("Harvest"), reply.text());
    assertEquals(1, Blocks.sections(json(reply)).size());
  }

  @Test
  void sharedReplyNamesTheSharerAndHasOnlyFeedbackButtons() throws Exception {
    Answer answer = new Answer("who?", true, List.of(excerpt("It was Jo.", List.of())), List.of(), 0.9, false);
    JsonNode blocks = json(renderer.shared(answer, "U42"));
    assertEquals(List.of("shared by <@U42>", ReplyRenderer.attribution(answer.excerpts().get(0))), Blocks.contexts(blocks));
    assertEquals(List.of(AnswerButtons.FEEDBACK_UP, AnswerButtons.FEEDBACK_DOWN), actionIds(blocks));
    assertEquals(List.of(ReplyRenderer.SHARE_ACTION, AnswerButtons.FEEDBACK_UP, AnswerButtons.FEEDBACK_DOWN),
        actionIds(json(renderer.command(answer))));
  }

  @Test
  void feedbackButtonsCarryTheQuestionAndWhatWasShownWithinSlacksLimit() throws Exception {
    String longQuote = "x".repeat(Excerpt.MAX_QUOTE_CHARS);
    Answer answer = new Answer("q".repeat(1000), true, List.of(excerpt(longQuote, List.of()), excerpt(longQuote, List.of()),
        excerpt(longQuote, List.of())), List.of(), 0.9, true);
    JsonNode blocks = json(renderer.answer(answer));
    String value = Blocks.buttons(blocks).get(1).path("value").asText();
    assertTrue(value.length() <= ReplyRenderer.MAX_BUTTON_VALUE_CHARS, "value of " + value.length());
    FeedbackValue read = FeedbackValue.read(value).orElseThrow();
    assertEquals("up", read.verdict());
    assertEquals(answer.question(), read.ask().question());
    assertEquals(3, read.shown().size());
    assertTrue(longQuote.startsWith(read.shown().get(0).quote()), "a shortened quote is still verbatim");
    assertEquals(4, read.shown().get(0).paragraph());
  }

  @Test
  void thankingRemovesOnlyTheFeedbackButtons() throws Exception {
    Answer answer = new Answer("who?", true, List.of(excerpt("It was Jo.", List.of())), List.of(), 0.9, false);
    JsonNode blocks = json(renderer.thanked(renderer.command(answer)));
    assertEquals(List.of(ReplyRenderer.SHARE_ACTION), actionIds(blocks));
    assertEquals(ReplyRenderer.THANKS, Blocks.contexts(blocks).get(Blocks.contexts(blocks).size() - 1));
    assertTrue(Blocks.buttons(json(renderer.thanked(renderer.answer(answer)))).isEmpty());
  }

  private static List<String> actionIds(JsonNode blocks) {
    return Blocks.buttons(blocks).stream().map(b -> b.path("action_id").asText()).toList();
  }

  @Test
  void fallbackDoesNotDoubleTheQuotationMarksOfAQuotation() {
    assertEquals("“It was Jo.”", ReplyRenderer.quoted("It was Jo."));
    assertEquals("“We made progress,” he said.", ReplyRenderer.quoted("“We made progress,” he said."));
  }
}
