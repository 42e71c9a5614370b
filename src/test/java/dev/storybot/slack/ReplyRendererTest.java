package dev.storybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import dev.storybot.answer.Answer;
import dev.storybot.answer.Excerpt;
import dev.storybot.search.Quote;
import dev.storybot.search.Quote.Kind;
import dev.storybot.search.TextRange;
import dev.storybot.story.Attribution;
import dev.storybot.testing.Blocks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slack's formatting rules for replies: escaping, bold at word edges, the attribution line and the limits. */
class ReplyRendererTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReplyRenderer renderer = new ReplyRenderer();

  private static Excerpt excerpt(String quote, List<Excerpt.Span> emphasis) {
    return new Excerpt("s1", new Attribution("Bridge <reopens> & more", "CNN", "Jo Reporter", "2023-11-06T10:00:00Z",
        "https://example.com/a?x=1&y=2"), 4, quote, 1.0, emphasis);
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
    assertEquals("> engineers", Quotes.blockquote(excerpt("engineers", List.of(new Excerpt.Span(0, 6))), 590));
    assertEquals("> *engineers*", Quotes.blockquote(excerpt("engineers", List.of(new Excerpt.Span(0, 9))), 590));
    assertEquals("> a *b* c", Quotes.blockquote(excerpt("a b c", List.of(new Excerpt.Span(1, 4))), 590),
        "spaces trimmed off the span");
  }

  @Test
  void attributionLineHasEveryPartAndAnEscapedLink() {
    assertEquals("*Bridge &lt;reopens&gt; &amp; more* · CNN · Jo Reporter · 2023-11-06 · ¶4 · <https://example.com/a?x=1&amp;y=2|link>",
        attribution(excerpt("q", List.of())));
    Excerpt bare = new Excerpt("s", new Attribution("Title", null, " ", null, "javascript:alert(1)"), 2, "q", 1, List.of());
    assertEquals("*Title* · ¶2", attribution(bare), "missing parts and unsafe links are left out");
  }

  @Test
  void atMostThreeExcerptsAndEverySectionUnderSlacksLimit() throws Exception {
    String longQuote = "&".repeat(Excerpt.MAX_QUOTE_CHARS);
    List<Excerpt> five = List.of(excerpt(longQuote, List.of()), excerpt("b", List.of()), excerpt("c", List.of()),
        excerpt("d", List.of()), excerpt("e", List.of()));
    JsonNode blocks = json(renderer.answer(Answer.found("q", five, 0.9, true, null), Ask.of("q")));
    assertEquals(3, Blocks.sections(blocks).size());
    for (String s : Blocks.sections(blocks)) assertTrue(s.length() < 3000, "section of " + s.length());
  }

  @Test
  void notFoundOffersTheNearestHeadlines() throws Exception {
    Reply reply = renderer.answer(Answer.notFound("bananas?", List.of("Markets & prices", "Harvest"), 0.1, null),
        Ask.of("bananas?"));
    assertTrue(reply.text().startsWith("I couldn't find that in our stories."));
    assertTrue(reply.text().contains("Markets &amp; prices") && reply.text().contains("Harvest"), reply.text());
    assertEquals(1, Blocks.sections(json(reply)).size());
  }

  @Test
  void sharedReplyNamesTheSharerAndHasOnlyFeedbackButtons() throws Exception {
    Answer answer = Answer.found("who?", List.of(excerpt("It was Jo.", List.of())), 0.9, false, null);
    JsonNode blocks = json(renderer.shared(answer, Ask.of("who?"), "U42"));
    assertEquals(List.of("shared by <@U42>", attribution(answer.excerpts().get(0))), Blocks.contexts(blocks));
    assertEquals(List.of(SlackIds.FEEDBACK_UP, SlackIds.FEEDBACK_DOWN), actionIds(blocks));
    assertEquals(List.of(SlackIds.SHARE, SlackIds.FEEDBACK_UP, SlackIds.FEEDBACK_DOWN),
        actionIds(json(renderer.command(answer, Ask.of("who?")))));
  }

  @Test
  void feedbackButtonsCarryTheQuestionAndWhatWasShownWithinSlacksLimit() throws Exception {
    String longQuote = "x".repeat(Excerpt.MAX_QUOTE_CHARS);
    Answer answer = Answer.found("q".repeat(1000), List.of(excerpt(longQuote, List.of()), excerpt(longQuote, List.of()),
        excerpt(longQuote, List.of())), 0.9, true, null);
    JsonNode blocks = json(renderer.answer(answer, Ask.of(answer.question())));
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
    Answer answer = Answer.found("who?", List.of(excerpt("It was Jo.", List.of())), 0.9, false, null);
    JsonNode blocks = json(renderer.thanked(renderer.command(answer, Ask.of("who?"))));
    assertEquals(List.of(SlackIds.SHARE), actionIds(blocks));
    assertEquals(ReplyRenderer.THANKS, Blocks.contexts(blocks).get(Blocks.contexts(blocks).size() - 1));
    assertTrue(Blocks.buttons(json(renderer.thanked(renderer.answer(answer, Ask.of("who?"))))).isEmpty());
  }

  private static String attribution(Excerpt e) {
    return SlackAttribution.ofExcerpt(e);
  }

  private static List<String> actionIds(JsonNode blocks) {
    return Blocks.buttons(blocks).stream().map(b -> b.path("action_id").asText()).toList();
  }

  @Test
  void fallbackDoesNotDoubleTheQuotationMarksOfAQuotation() {
    assertEquals("“It was Jo.”", ReplyRenderer.quoted("It was Jo."));
    assertEquals("“We made progress,” he said.", ReplyRenderer.quoted("“We made progress,” he said."));
  }

  // "He said “we will start, and finish" cut mid-quotation, shown with the name in brackets, the mark closed.
  private static Excerpt shownWithAdditions(List<Excerpt.Voice> speakers) {
    String p = "Osei spoke. He said “we will start <soon> & finish";
    TextRange range = new TextRange(p.indexOf("He"), p.length());
    Quote shown = new Quote(range, List.of(Quote.added(Kind.BRACKETED, "Osei"),
        Quote.words(p, new TextRange(range.start() + 2, range.end())), Quote.added(Kind.ELLIPSIS, "…"),
        Quote.added(Kind.MARK, "”")));
    String text = shown.text();
    int start = text.indexOf("start");
    int osei = text.indexOf("Osei");
    return new Excerpt("s1", new Attribution("Bridge", "CNN", null, null, null), 4, range.of(p), 1.0,
        List.of(new Excerpt.Span(osei, osei + 4), new Excerpt.Span(start, start + 5)), shown, speakers);
  }

  @Test
  void blockKitShowsTheBracketsEllipsisAndAddedMarkWithEmphasisOnlyOnTheStorysWords() throws Exception {
    Excerpt e = shownWithAdditions(List.of());
    assertEquals("> [Osei] said “we will *start* &lt;soon&gt; &amp; finish…”", Quotes.blockquote(e, 590));
    JsonNode blocks = json(renderer.answer(Answer.found("q", List.of(e), 0.9, false, null), Ask.of("q")));
    assertEquals(Quotes.blockquote(e, 590), Blocks.sections(blocks).get(0));
  }

  @Test
  void theFallbackShowsTheSameQuoteWithEveryQuotationMarkPaired() {
    Reply reply = renderer.answer(Answer.found("q", List.of(shownWithAdditions(List.of())), 0.9, false, null),
        Ask.of("q"));
    assertEquals("“[Osei] said “we will start &lt;soon&gt; &amp; finish…”” — Bridge, ¶4", reply.text());
    assertEquals(reply.text().chars().filter(c -> c == '“').count(), reply.text().chars().filter(c -> c == '”').count());
  }

  @Test
  void aSpeakerTheQuoteDoesNotNameLeadsTheContextLineAndTheFallback() throws Exception {
    Excerpt e = shownWithAdditions(List.of(new Excerpt.Voice("Osei & Co, council <member>", false),
        new Excerpt.Voice("Fernandes", true)));
    JsonNode blocks = json(renderer.answer(Answer.found("q", List.of(e), 0.9, false, null), Ask.of("q")));
    assertEquals("Osei &amp; Co, council &lt;member&gt; · *Bridge* · CNN · ¶4", Blocks.contexts(blocks).get(0));
    assertTrue(renderer.answer(Answer.found("q", List.of(e), 0.9, false, null), Ask.of("q")).text()
        .endsWith(" — Osei &amp; Co, council &lt;member&gt; · Bridge, ¶4"));
  }

  @Test
  void feedbackCarriesTheVerbatimQuoteAndItsSpeaker() throws Exception {
    Excerpt e = shownWithAdditions(List.of(new Excerpt.Voice("Daniel Osei", false)));
    JsonNode blocks = json(renderer.answer(Answer.found("q", List.of(e), 0.9, false, null), Ask.of("q")));
    FeedbackValue read = FeedbackValue.read(Blocks.buttons(blocks).get(0).path("value").asText()).orElseThrow();
    assertEquals(e.quote(), read.shown().get(0).quote(), "the story's words, never the brackets");
    assertEquals("Daniel Osei", read.shown().get(0).speaker());
  }
}
