/**
 * Stories and their readers: files in a folder become {@link dev.storybot.story.Story} records. Knows no Lucene.
 *
 * <p>Formats, chosen by extension (see each reader): {@code .txt} (first line the headline, blank-line paragraphs),
 * {@code .md} (YAML front matter, {@code # Headline}), {@code .json} (one story object), {@code .jsonl} (one story
 * object a line), {@code .html}/{@code .htm} (a saved news page). A sidecar {@code <name>.meta.yml} beside a story
 * file gives or overrides its {@code title}, {@code source}, {@code byline}/{@code author}, {@code published}/{@code
 * date} and {@code url}. Site chrome ("Sign up for our newsletter", "Read more", "Advertisement") is dropped by
 * {@link dev.storybot.story.ChromeFilter}. Files that cannot be read are skipped with a reason, never stopping the rest.
 */
package dev.storybot.story;
