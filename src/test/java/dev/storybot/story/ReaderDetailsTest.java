package dev.storybot.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finer points of single readers: markdown stripping that leaves prose intact, HTML headline and byline fallbacks. */
class ReaderDetailsTest {

  @Test
  void whitespaceFoldsToSingleSpacesAndEverythingElseStaysVerbatim() {
    assertEquals("“A pause – not a ceasefire,” he said…",
        Paragraphs.fold(" \t“A pause\u00A0– not a\n   ceasefire,”\r\nhe said…  \n"));
  }

  @Test
  void markdownInlineMarkupIsStrippedButWordsWithUnderscoresAndStarsStay() {
    assertEquals("Keeper Marta Holm said the snake_case_name and 2*3*4 stay, as does code and a link.",
        MarkdownStoryReader.inline(
            "Keeper **Marta Holm** said the snake_case_name and 2*3*4 stay, as does `code` and [a link](https://x.org)."));
    assertEquals("Emphasis and more emphasis.", MarkdownStoryReader.inline("_Emphasis_ and *more emphasis*."));
  }

  @Test
  void markdownListAndQuoteMarkersAreDropped() throws Exception {
    StoryDraft d = read(new MarkdownStoryReader(), "# Title\n\n- first item\n- second item\n\n> A quoted line.\n");
    assertEquals(List.of("first item\nsecond item", "A quoted line."), d.paragraphs());
  }

  @Test
  void markdownTextRightUnderAHeadingIsAParagraph() throws Exception {
    StoryDraft d = read(new MarkdownStoryReader(), "# The headline #\nFirst paragraph.\n\n## Section\nSecond paragraph.\n");
    assertEquals("The headline", d.meta().title());
    assertEquals(List.of("First paragraph.", "Second paragraph."), d.paragraphs());
  }

  @Test
  void htmlHeadlineFallsBackToOgTitleThenTitle() throws Exception {
    HtmlStoryReader html = new HtmlStoryReader();
    String og = "<html><head><meta property=\"og:title\" content=\"From og\"><title>From title</title></head>"
        + "<body><p>Text.</p></body></html>";
    assertEquals("From og", read(html, og).meta().title());
    String title = "<html><head><title>From title</title></head><body><p>Text.</p></body></html>";
    assertEquals("From title", read(html, title).meta().title());
  }

  @Test
  void htmlBylineFromArticleAuthorUnlessItIsALink() throws Exception {
    HtmlStoryReader html = new HtmlStoryReader();
    String named = "<html><head><meta property=\"article:author\" content=\"Sam Lee\"></head>"
        + "<body><h1>H</h1><p>Text.</p></body></html>";
    assertEquals("Sam Lee", read(html, named).meta().byline());
    String linked = "<html><head><meta property=\"article:author\" content=\"https://facebook.com/x\"></head>"
        + "<body><h1>H</h1><p>Text.</p></body></html>";
    assertNull(read(html, linked).meta().byline());
  }

  @Test
  void htmlWithoutArticleReadsMainAndOgUrl() throws Exception {
    String page = "<html><head><meta property=\"og:url\" content=\"https://example.org/a\"></head><body>"
        + "<nav><p>Menu</p></nav><main><h1>H</h1><p>In main.</p></main><p>Outside main.</p></body></html>";
    StoryDraft d = read(new HtmlStoryReader(), page);
    assertEquals(List.of("In main."), d.paragraphs());
    assertEquals("https://example.org/a", d.meta().url());
  }

  @Test
  void htmlDateFallsBackToTheArticlesTimeElement() throws Exception {
    String page = "<html><body><article><h1>H</h1><time datetime=\"2024-06-01\">June 1</time><p>Text.</p>"
        + "</article></body></html>";
    assertEquals("2024-06-01", read(new HtmlStoryReader(), page).meta().published());
  }

  private static StoryDraft read(StoryReader reader, String text) throws StoryFormatException {
    List<String> problems = new ArrayList<>();
    List<StoryDraft> drafts = reader.read("x", text, problems);
    assertEquals(List.of(), problems);
    assertEquals(1, drafts.size());
    return drafts.get(0);
  }
}
