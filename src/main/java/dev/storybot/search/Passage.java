package dev.storybot.search;

import dev.storybot.embed.VectorMath;
import dev.storybot.index.VectorFields;
import dev.storybot.story.Attribution;
import org.apache.lucene.util.BytesRef;

/**
 * One paragraph found for a question, with its story's attribution and what made it a candidate.
 *
 * @param storyId the story's id
 * @param attribution the story's headline, source, byline, date and link
 * @param paragraph 1-based paragraph number
 * @param text the paragraph as stored
 * @param score its BM25 score for the question's words; 0 when it was found by meaning alone
 * @param meaning the cosine of its vector to the question's, or {@link Double#NaN} when searched by words alone
 * @param headlineMeaning the cosine of its story's headline vector to the question's, or NaN likewise
 * @param sentenceVectors its sentences' vectors in sentence order (see {@link Sentences}), or null without vectors
 */
public record Passage(String storyId, Attribution attribution, int paragraph, String text, double score,
                      double meaning, double headlineMeaning, float[][] sentenceVectors) {

  /** A paragraph found by words alone. */
  public Passage(String storyId, Attribution attribution, int paragraph, String text, double score) {
    this(storyId, attribution, paragraph, text, score, Double.NaN, Double.NaN, null);
  }

  /**
   * A paragraph found for a question that has a vector, with its meaning fields as stored ({@link VectorFields}):
   * its cosine to the question is that of its sentences' normalised mean, its headline's that of the headline vector.
   * Both shelves build their passages here, so they compare alike. Null fields (a paragraph stored without vectors)
   * leave the cosines NaN.
   */
  public static Passage withMeaning(String storyId, Attribution attribution, int paragraph, String text, double score,
                                    float[] question, BytesRef sentenceVectors, BytesRef headlineVector) {
    float[][] sentences = VectorFields.decode(sentenceVectors, question.length);
    float[][] headline = VectorFields.decode(headlineVector, question.length);
    double cosine = sentences == null ? Double.NaN : VectorMath.dot(question, VectorFields.mean(sentences));
    double headlineCosine = headline == null ? Double.NaN : VectorMath.dot(question, headline[0]);
    return new Passage(storyId, attribution, paragraph, text, score, cosine, headlineCosine, sentences);
  }

  /** True when it carries vectors to compare sentences with the question by meaning. */
  public boolean hasMeaning() {
    return sentenceVectors != null;
  }
}
