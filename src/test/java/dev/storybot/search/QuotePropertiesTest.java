package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.search.Quotations.Quotation;
import dev.storybot.search.Quote.Kind;
import dev.storybot.search.Quote.Segment;
import dev.storybot.story.Story;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What must hold for every quote of every fixture story, whatever the rules find. */
class QuotePropertiesTest {

  private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}");

  // Every sentence, every two sentences in a row, every sentence cut at its middle word, and every paragraph whole.
  private static List<TextRange> ranges(String p) {
    List<TextRange> out = new ArrayList<>();
    List<TextRange> sentences = Sentences.split(p);
    for (int i = 0; i < sentences.size(); i++) {
      TextRange s = sentences.get(i);
      out.add(s);
      if (i + 1 < sentences.size()) out.add(new TextRange(s.start(), sentences.get(i + 1).end()));
      int middle = p.indexOf(' ', s.start() + s.length() / 2);
      if (middle > s.start() && middle < s.end()) {
        out.add(new TextRange(s.start(), middle));
        out.add(new TextRange(middle + 1, s.end()));
      }
    }
    out.add(new TextRange(0, p.length()));
    return out;
  }

  @Test
  void everySpeakerIsTheParagraphsOwnWordsAndNamesSomeone() {
    int checked = 0;
    int found = 0;
    for (Story story : QuoteStories.all()) {
      Speakers speakers = new Speakers(People.of(story.paragraphs()));
      for (String p : story.paragraphs()) {
        for (TextRange r : ranges(p)) {
          checked++;
          for (Speaker s : speakers.speakers(p, r)) {
            found++;
            String where = story.id() + ": " + r.of(p);
            assertEquals(s.phrase(), s.mention().of(p), where);
            assertTrue(CAPITALISED.matcher(s.phrase()).find(), where + " → " + s.phrase());
            if (s.name() != null) assertTrue(p.contains(s.name()) && s.phrase().contains(s.name()), where);
            if (s.role() != null) assertTrue(p.contains(s.role()) && s.phrase().contains(s.role()), where);
            assertTrue(s.clause().end() <= p.length(), where);
            boolean inside = s.clause().start() >= r.start() && s.clause().end() <= r.end();
            assertEquals(inside, s.clauseInQuote(), where);
            s.quoteWithClause(p, r, SentencePicker.MAX_QUOTE_CHARS).ifPresent(g -> {
              assertTrue(g.start() <= r.start() && g.end() >= r.end() && g.length() <= SentencePicker.MAX_QUOTE_CHARS);
              assertTrue(g.start() <= s.clause().start() && g.end() >= s.clause().end());
            });
          }
        }
      }
    }
    assertTrue(checked > 300, "too few quotes checked: " + checked);
    assertTrue(found > 50, "too few speakers found to prove anything: " + found);
  }

  @Test
  void everyStandAloneQuoteKeepsTheStorysWordsCoversTheQuoteAndBalancesItsMarks() {
    int changed = 0;
    for (Story story : QuoteStories.all()) {
      StandAlone standAlone = new StandAlone(People.of(story.paragraphs()));
      for (String p : story.paragraphs()) {
        for (TextRange r : ranges(p)) {
          Quote q = standAlone.quote(p, r);
          String where = story.id() + ": " + r.of(p) + " → " + q.text();
          assertTrue(q.range().start() <= r.start() && q.range().end() == r.end(), where);
          assertTrue(q.range().length() <= Math.max(r.length(), SentencePicker.MAX_QUOTE_CHARS), where);
          for (Segment s : q.segments()) {
            if (s.kind() == Kind.VERBATIM) assertEquals(s.source().of(p), s.text(), where);
            if (s.kind() == Kind.BRACKETED) assertTrue(p.contains(s.text()), where);
          }
          for (Quotation mark : Quotations.of(q.text())) {
            assertTrue(mark.open() >= 0 && mark.close() >= 0, "unbalanced: " + where);
          }
          if (!q.text().equals(r.of(p))) changed++;
        }
      }
    }
    assertTrue(changed > 20, "too few quotes needed help to prove anything: " + changed);
  }
}
