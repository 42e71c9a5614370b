package dev.storybot.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML stories ({@code .html}, {@code .htm}), such as saved news pages: the headline from {@code <h1>}, else
 * {@code og:title}, else {@code <title>}; attribution from the usual meta tags; paragraphs from the {@code <p>}s of
 * the {@code <article>} (else {@code <main>}, else the body), leaving out navigation, headers, footers, asides,
 * figures and forms.
 */
final class HtmlStoryReader implements StoryReader {

  /** Page furniture whose paragraphs are not the story's. */
  private static final Set<String> FURNITURE = Set.of("nav", "header", "footer", "aside", "figure", "form");

  @Override
  public List<StoryDraft> read(String id, String text, List<String> problems) throws StoryFormatException {
    // jsoup parses any text leniently, as browsers do; a page it cannot make sense of simply yields no headline
    // or no paragraphs, and is skipped for that reason.
    Document page = Jsoup.parse(text);
    Element content = content(page);
    Attribution meta = new Attribution(
        headline(page, content),
        meta(page, "property", "og:site_name"),
        byline(page),
        published(page, content),
        firstNonNull(attr(page, "link[rel=canonical]", "href"), meta(page, "property", "og:url")));
    if (meta.title() == null) throw new StoryFormatException("no headline: the page has no <h1>, og:title or <title>");
    List<String> paragraphs = new ArrayList<>();
    for (Element p : content.select("p")) {
      if (!insideFurniture(p, content)) paragraphs.add(p.text());
    }
    if (paragraphs.isEmpty()) {
      throw new StoryFormatException("no <p> paragraphs in the page's <" + content.normalName() + ">");
    }
    return List.of(new StoryDraft(id, null, meta, paragraphs));
  }

  /** The article with the most paragraphs (pages list related stories as small articles too), else main, else body. */
  private static Element content(Document page) {
    Element article = page.select("article").stream()
        .max(Comparator.comparingInt(a -> a.select("p").size()))
        .orElse(null);
    if (article != null) return article;
    Element main = page.selectFirst("main");
    return main != null ? main : page.body();
  }

  private static String headline(Document page, Element content) {
    Element h1 = content.selectFirst("h1");
    if (h1 == null) h1 = page.selectFirst("h1");
    if (h1 != null && !h1.text().isBlank()) return h1.text();
    String og = meta(page, "property", "og:title");
    return og != null ? og : page.title();
  }

  private static String byline(Document page) {
    String author = meta(page, "name", "author");
    if (author != null) return author;
    // article:author is often a profile link rather than a name; a link is no byline.
    String articleAuthor = firstNonNull(meta(page, "property", "article:author"), meta(page, "name", "article:author"));
    return articleAuthor == null || articleAuthor.startsWith("http") ? null : articleAuthor;
  }

  private static String published(Document page, Element content) {
    String published = firstNonNull(meta(page, "property", "article:published_time"), meta(page, "name", "date"));
    if (published != null) return published;
    Element time = content.selectFirst("time[datetime]");
    return time == null || time.attr("datetime").isBlank() ? null : time.attr("datetime").strip();
  }

  private static boolean insideFurniture(Element p, Element content) {
    for (Element e = p.parent(); e != null && e != content; e = e.parent()) {
      if (FURNITURE.contains(e.normalName())) return true;
    }
    return false;
  }

  private static String meta(Document page, String key, String value) {
    return attr(page, "meta[" + key + "=\"" + value + "\"]", "content");
  }

  private static String attr(Document page, String selector, String attribute) {
    Element e = page.selectFirst(selector);
    if (e == null) return null;
    String v = e.attr(attribute).strip();
    return v.isEmpty() ? null : v;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
