package dev.storybot.bench;

import dev.storybot.index.IndexSchema;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.Sentences;
import dev.storybot.search.TextRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * Questions that hit: each made from a sentence of a random indexed paragraph, its two rarest words (by document
 * frequency) and two others, in sentence order and as written ("What Lindqvist harbour wall rebuilt?"). Real
 * questions mix rare words with common ones, and common ones are what make BM25 work hard.
 */
final class QuestionSampler {

  private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*|\\d[\\d,.]*\\d");
  private static final int WORDS = 4;
  private static final int RARE = 2;

  private QuestionSampler() {}

  /** {@code count} questions from paragraphs drawn with {@code seed}. */
  static List<String> sample(StoryIndex index, int count, long seed) {
    return index.withSearcher(searcher -> {
      SplittableRandom r = new SplittableRandom(seed);
      List<String> questions = new ArrayList<>(count);
      int docs = searcher.getIndexReader().maxDoc();
      for (int tries = 0; questions.size() < count && tries < count * 10; tries++) {
        String q = question(searcher, r.nextInt(docs), r);
        if (q != null) questions.add(q);
      }
      if (questions.size() < count) throw new IllegalStateException("only " + questions.size() + " questions found");
      return questions;
    });
  }

  private static String question(IndexSearcher searcher, int doc, SplittableRandom r) throws IOException {
    String text = searcher.storedFields().document(doc, Set.of(IndexSchema.TEXT)).get(IndexSchema.TEXT);
    List<TextRange> sentences = Sentences.split(text);
    TextRange sentence = sentences.get(r.nextInt(sentences.size()));
    List<Word> words = words(searcher.getIndexReader(), sentence.of(text));
    if (words.size() < WORDS) return null;
    List<Word> byRarity = new ArrayList<>(words);
    byRarity.sort(Comparator.comparingLong(Word::docFreq));
    List<Word> chosen = new ArrayList<>(byRarity.subList(0, RARE));
    List<Word> rest = new ArrayList<>(byRarity.subList(RARE, byRarity.size()));
    while (chosen.size() < WORDS) chosen.add(rest.remove(r.nextInt(rest.size())));
    chosen.sort(Comparator.comparingInt(Word::position));
    StringBuilder q = new StringBuilder("What");
    for (Word w : chosen) q.append(' ').append(w.surface());
    return q.append('?').toString();
  }

  // Distinct content words of the sentence with their document frequency in the exact-form field.
  private static List<Word> words(IndexReader reader, String sentence) throws IOException {
    List<Word> words = new ArrayList<>();
    Matcher m = WORD.matcher(sentence);
    while (m.find()) {
      String lower = m.group().toLowerCase(Locale.ROOT);
      if (IndexSchema.STOP_WORDS.contains(lower) || lower.length() < 3) continue;
      if (words.stream().anyMatch(w -> w.surface().equalsIgnoreCase(m.group()))) continue;
      long df = reader.docFreq(new Term(IndexSchema.TEXT_EXACT, lower));
      words.add(new Word(m.group(), m.start(), df));
    }
    return words;
  }

  private record Word(String surface, int position, long docFreq) {}
}
