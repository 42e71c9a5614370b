package dev.storybot.index;

import java.time.Instant;

/**
 * What the current index holds, read from its commit.
 *
 * @param stories stories indexed
 * @param paragraphs paragraphs (documents) indexed
 * @param generation the Lucene commit generation; grows with every rebuild
 * @param builtAt when the commit was written, or null when unknown
 */
public record IndexStats(int stories, int paragraphs, long generation, Instant builtAt) {}
