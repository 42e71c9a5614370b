package dev.storybot.search;

/**
 * A story as a listing shows it.
 *
 * @param id the story's id
 * @param title headline
 * @param source publication, or null
 * @param published ISO date as the story gives it, or null
 * @param url link, or null
 */
public record StorySummary(String id, String title, String source, String published, String url) {}
