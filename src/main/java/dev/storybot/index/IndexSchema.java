package dev.storybot.index;

import dev.storybot.story.Attribution;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The paragraph index's layout: field names, analyzers and commit user-data keys. One document per paragraph.
 */
public final class IndexSchema {

  /** Bumped whenever documents are written differently; an index of another version must be rebuilt. */
  public static final String VERSION = "3";

  /** Story id (keyword, stored). */
  public static final String STORY_ID = "storyId";
  /** Headline (stemmed, stored): searchable so that a question naming a story's subject favours its paragraphs. */
  public static final String TITLE = "title";
  /** Publication (stored only). */
  public static final String SOURCE = "source";
  /** Publication lower-cased (keyword, not stored): what `source:` filters match. */
  public static final String SOURCE_KEY = "sourceKey";
  /** Publication day as days since 1970-01-01 (point for date filters, doc values for newest-first order). */
  public static final String DAY = "day";
  /** Author(s) (stored only). */
  public static final String BYLINE = "byline";
  /** ISO publication date (stored only). */
  public static final String PUBLISHED = "published";
  /** Link (stored only). */
  public static final String URL = "url";
  /** 1-based paragraph number (stored, and a point for exact look-ups). */
  public static final String PARAGRAPH = "paragraph";
  /** Paragraph text: stemmed, stored, with positions and offsets for phrase queries and highlighting. */
  public static final String TEXT = "text";
  /** Paragraph text unstemmed (lower-cased surface forms), so exact word forms can weigh a little more. */
  public static final String TEXT_EXACT = "textExact";

  /** Commit user data: number of stories, of paragraphs, build time (ISO instant) and schema version. */
  public static final String DATA_STORIES = "stories";
  public static final String DATA_PARAGRAPHS = "paragraphs";
  public static final String DATA_BUILT_AT = "builtAt";
  public static final String DATA_VERSION = "schemaVersion";

  /** English stop words as Lucene's EnglishAnalyzer has them. */
  public static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private IndexSchema() {}

  /** The SOURCE_KEY term of a publication name: trimmed and lower-cased, so `source:cnn` finds "CNN". */
  public static String sourceKey(String source) {
    return source.strip().toLowerCase(Locale.ROOT);
  }

  /** The DAY value of an ISO date or date-time ("2023-11-06", "2023-11-06T10:00:00Z"); empty when not a date. */
  public static OptionalInt day(String published) {
    if (published == null || published.length() < 10) return OptionalInt.empty();
    try {
      return OptionalInt.of((int) LocalDate.parse(published.substring(0, 10)).toEpochDay());
    } catch (DateTimeParseException e) {
      return OptionalInt.empty();
    }
  }

  /** The stored fields {@link #attribution(Document)} reads, for loading no more of a document than it needs. */
  public static final Set<String> ATTRIBUTION_FIELDS = Set.of(TITLE, SOURCE, BYLINE, PUBLISHED, URL);

  /**
   * Writes a story's attribution into a paragraph document: the headline searchable and stored, the rest stored, the
   * source also as a filter key and the date as a filterable, sortable day. {@link #attribution} reads it back.
   */
  public static void addAttribution(Document doc, Attribution a) {
    doc.add(new TextField(TITLE, a.title(), Field.Store.YES));
    storeIfKnown(doc, SOURCE, a.source());
    if (a.source() != null) doc.add(new StringField(SOURCE_KEY, sourceKey(a.source()), Field.Store.NO));
    day(a.published()).ifPresent(d -> {
      doc.add(new IntPoint(DAY, d));
      doc.add(new NumericDocValuesField(DAY, d));
    });
    storeIfKnown(doc, BYLINE, a.byline());
    storeIfKnown(doc, PUBLISHED, a.published());
    storeIfKnown(doc, URL, a.url());
  }

  /** The attribution {@link #addAttribution} wrote into {@code doc} (loaded with at least {@link #ATTRIBUTION_FIELDS}). */
  public static Attribution attribution(Document doc) {
    return new Attribution(doc.get(TITLE), doc.get(SOURCE), doc.get(BYLINE), doc.get(PUBLISHED), doc.get(URL));
  }

  private static void storeIfKnown(Document doc, String field, String value) {
    if (value != null) doc.add(new StoredField(field, value));
  }

  /** The analyzer for writing and querying: stemmed English for text and title, surface forms for TEXT_EXACT. */
  public static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(stemmed(), Map.of(TEXT_EXACT, exact()));
  }

  /** Lower-cased, ASCII-folded, stop words removed, Porter-stemmed: what TEXT and TITLE hold. */
  public static Analyzer stemmed() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new ASCIIFoldingFilter(ts);
        ts = new StopFilter(ts, STOP_WORDS);
        return new TokenStreamComponents(source, new PorterStemFilter(ts));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Lower-cased and ASCII-folded surface forms, no stop words removed, no stemming: what TEXT_EXACT holds. */
  public static Analyzer exact() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new LowerCaseFilter(ts);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(ts));
      }
    };
  }
}
