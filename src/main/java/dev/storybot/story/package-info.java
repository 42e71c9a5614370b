/** Stories and their readers: files in a folder become {@link dev.storybot.story.Story} records. Knows no Lucene. */
package dev.storybot.story;
