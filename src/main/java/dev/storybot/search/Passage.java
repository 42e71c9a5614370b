package dev.storybot.search;

/**
 * One paragraph found for a question, with its story's attribution.
 *
 * @param storyId the story's id
 * @param title headline
 * @param source publication, or null
 * @param byline author(s), or null
 * @param published ISO date, or null
 * @param url link, or null
 * @param paragraph 1-based paragraph number
 * @param text the paragraph as stored
 * @param score retrieval score (higher is better; comparable within one search)
 */
public record Passage(String storyId, String title, String source, String byline, String published, String url,
                      int paragraph, String text, double score) {}
