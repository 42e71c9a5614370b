package dev.storybot.search;

import dev.storybot.story.Attribution;

/**
 * One paragraph found for a question, with its story's attribution.
 *
 * @param storyId the story's id
 * @param attribution the story's headline, source, byline, date and link
 * @param paragraph 1-based paragraph number
 * @param text the paragraph as stored
 * @param score retrieval score (higher is better; comparable within one search)
 */
public record Passage(String storyId, Attribution attribution, int paragraph, String text, double score) {}
