package dev.storybot.answer;

import dev.storybot.embed.Embedder;
import dev.storybot.search.AnalyzedQuestion;
import dev.storybot.search.PassageHits;
import dev.storybot.search.QuestionAnalyzer;
import dev.storybot.search.Scope;
import dev.storybot.search.Shelf;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one question path: reads the filters out of the question, adds the channel's sources and the thread's earlier
 * question, searches one snapshot of the shelf, and returns the excerpts that answer — or the nearest headlines, or
 * a plain word on why nothing was searched. Thread-safe.
 */
public final class ShelfAnswerer implements Answerer {

  /** Headlines offered when not found. */
  static final int NEAREST = 3;
  /** How much of a thread's earlier question the note repeats. */
  static final int CONTEXT_NOTE_CHARS = 80;

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
  private final Supplier<Shelf> shelf;
  private final Embedder embedder;
  private final ExcerptRanker ranker;
  private final Quoting quoting = new Quoting();
  private final AnswerObserver observer;

  /**
   * Answers from whatever shelf {@code shelf} gives at the time of each question (it may throw while loading), by
   * meaning too when {@code embedder} is not null and the shelf holds vectors of its model.
   */
  public ShelfAnswerer(Supplier<Shelf> shelf, Embedder embedder, AnswerObserver observer) {
    this(shelf, embedder, ExcerptRanker.DEFAULT_THRESHOLD, observer);
  }

  /** Answers from {@code shelf} by words and, with an {@code embedder} (or null), meaning; observed by no one. */
  public ShelfAnswerer(Shelf shelf, Embedder embedder) {
    this(() -> shelf, embedder, AnswerObserver.NONE);
  }

  /** Answers from {@code shelf} by words alone, observed by no one. */
  public ShelfAnswerer(Shelf shelf) {
    this(shelf, null);
  }

  ShelfAnswerer(Supplier<Shelf> shelf, Embedder embedder, double threshold, AnswerObserver observer) {
    this.shelf = shelf;
    this.embedder = embedder;
    this.ranker = new ExcerptRanker(threshold);
    this.observer = observer;
  }

  @Override
  public Answer answer(Question question) {
    long start = System.nanoTime();
    try {
      Answer answer = within(question);
      observer.answered(answer, System.nanoTime() - start);
      return answer;
    } catch (RuntimeException e) {
      observer.failed(e);
      throw e;
    }
  }

  private Answer within(Question question) {
    String typed = question.text();
    QuestionFilters.Filtered filtered;
    try {
      filtered = QuestionFilters.parse(typed);
    } catch (QuestionFilters.BadFilter e) {
      return Answer.problem(typed, "I couldn't use that filter: " + e.getMessage() + ".", null);
    }
    Scope scope = filtered.scope().withShelf(question.channelSources()).withContext(question.context());
    String note = note(scope);
    if (filtered.question().isEmpty()) {
      return Answer.problem(typed, scope.filters()
          ? "Add a question to the filters, e.g. `source:CNN what did Blinken say?`"
          : "Ask me a question about our stories, e.g. `what was agreed at the summit?`", note);
    }
    AnalyzedQuestion analyzed = analyzer.analyze(filtered.question());
    try (Shelf.Snapshot snapshot = shelf.get().snapshot()) {
      if (embedder != null && embedder.modelId().equals(snapshot.stats().model())) {
        // A follow-up means what it asks in the light of the thread's question ("and the hostages?").
        String meant = scope.context() == null ? filtered.question() : filtered.question() + " " + scope.context();
        analyzed = analyzed.withMeaning(embedder.embedQuery(meant));
      }
      AnalyzedQuestion corrected = snapshot.corrected(analyzed);
      // By meaning, every page ranks the same candidates, so that "More excerpts" never repeats or skips one.
      int wanted = corrected.meaning() != null ? ExcerptRanker.MEANING_PARAGRAPHS
          : Math.max(ExcerptRanker.PARAGRAPHS, question.offset() + question.limit() + 1);
      PassageHits hits = corrected.isEmpty() ? null : snapshot.search(corrected, scope, wanted);
      ExcerptRanker.Ranking ranking = hits == null ? ExcerptRanker.Ranking.NONE : ranker.rank(corrected, hits);
      if (!ranking.confident()) {
        if (scope.filters() && snapshot.count(scope.withoutContext()) == 0) {
          Scope longer = filtered.scopeWithLongerSource();
          String hint = longer == null || snapshot.count(longer.withShelf(scope.shelf())) == 0 ? ""
              : " A source's name of more than one word goes in quotes: " + filtered.longerSource().quoted() + ".";
          return Answer.problem(typed, "None of our stories match the filters (" + scope.describe() + ")." + hint
              + " Try fewer filters, or list the stories we have (`/story list` in Slack).", note);
        }
        return Answer.notFound(typed, snapshot.nearestTitles(corrected, scope, NEAREST), ranking.confidence(), note);
      }
      List<ExcerptRanker.Ranked> all = ranking.ranked();
      int from = Math.min(question.offset(), all.size());
      // The first page holds the excerpts that earned their place; later pages ("More excerpts") the rest in order.
      int to = Math.min(all.size(), question.offset() + (question.offset() == 0
          ? Math.min(question.limit(), ranking.firstPage()) : question.limit()));
      // Only the excerpts shown are quoted: standing alone and who said it cost a paragraph's reading each.
      List<Excerpt> page = all.subList(from, to).stream().map(r -> quoting.excerpt(r, corrected)).toList();
      return Answer.found(typed, page, ranking.confidence(), all.size() > to, note);
    }
  }

  // What shaped the search, in words: the filters that applied and the thread's question it follows up on.
  private static String note(Scope scope) {
    String filters = scope.filters() ? "Searched " + scope.describe() : null;
    if (scope.context() == null) return filters;
    String following = "Following up on \u201c" + Texts.truncate(scope.context(), CONTEXT_NOTE_CHARS) + "\u201d";
    return filters == null ? following : filters + " · " + following;
  }
}
