package dev.storybot.answer;

import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.Passage;
import dev.storybot.search.Quote;
import dev.storybot.search.SentencePicker;
import dev.storybot.search.Speaker;
import dev.storybot.search.Speakers;
import dev.storybot.search.StandAlone;
import dev.storybot.search.TextRange;
import java.util.List;
import java.util.Optional;

/**
 * Makes a ranked pick into the excerpt a reader is shown, the one place that does: the quote made to stand on its own
 * ({@link StandAlone}), grown to take in its attribution clause when the speaker is named there and it fits, and
 * every speaker of its words ({@link Speakers}) — named by the quote itself or left for the attribution line. Never
 * invents a speaker: a paragraph that names none gives none.
 *
 * <p>Reads the paragraph alone, not the whole story: on the sets measured, a third of the speakers and bracketed names
 * that the story's other paragraphs add are wrong (docs/QUALITY.md), and they would cost a fetch per excerpt.
 * Thread-safe.
 */
final class Quoting {

  private static final int MAX = Excerpt.MAX_QUOTE_CHARS;

  private final SentencePicker picker = new SentencePicker();
  private final StandAlone standAlone = new StandAlone();
  private final Speakers speakers = new Speakers();

  /** The excerpt of {@code ranked}, with the words of {@code question} it holds marked for emphasis. */
  Excerpt excerpt(ExcerptRanker.Ranked ranked, AnalyzedQuestion question) {
    Passage p = ranked.passage();
    String paragraph = p.text();
    Quote shown = standAlone.quote(paragraph, ranked.pick().quote(), MAX);
    List<Speaker> who = speakers.speakers(paragraph, shown.range());
    TextRange grown = withClauses(paragraph, shown.range(), who);
    if (!grown.equals(shown.range())) {
      shown = standAlone.quote(paragraph, grown, MAX);
      who = speakers.speakers(paragraph, shown.range());
    }
    TextRange range = shown.range();
    List<Excerpt.Span> emphasis = shown.emphasis(picker.emphasis(paragraph, range, question)).stream()
        .map(r -> new Excerpt.Span(r.start(), r.end()))
        .toList();
    List<Excerpt.Voice> voices = who.stream()
        .map(s -> new Excerpt.Voice(s.display(), contains(range, s.mention())))
        .distinct()
        .toList();
    return new Excerpt(p.storyId(), p.attribution(), p.paragraph(), range.of(paragraph), ranked.score(), emphasis,
        shown, voices);
  }

  // The quote grown to take in the clause of each speaker it does not name, when the clause names them (not "he
  // said") and the whole stays within the limit.
  private static TextRange withClauses(String paragraph, TextRange quote, List<Speaker> who) {
    TextRange r = quote;
    for (Speaker s : who) {
      if (contains(r, s.mention())) continue;
      Optional<TextRange> grown = s.quoteWithClause(paragraph, r, MAX);
      if (grown.isPresent() && contains(grown.get(), s.mention())) r = grown.get();
    }
    return r;
  }

  private static boolean contains(TextRange outer, TextRange inner) {
    return inner.start() >= outer.start() && inner.end() <= outer.end();
  }
}
