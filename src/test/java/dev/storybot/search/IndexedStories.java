package dev.storybot.search;

import dev.storybot.index.IndexSchema;
import dev.storybot.index.StoryIndex;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import dev.storybot.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Story files in a folder, read by the real loader and indexed in memory, to see what a Lucene query finds. */
final class IndexedStories implements AutoCloseable {

  private final List<Story> stories;
  private final StoryIndex index;

  private IndexedStories(Path dir) throws IOException {
    StoryLoad load = StoryLoader.load(dir);
    if (!load.skipped().isEmpty()) throw new IllegalStateException("story files skipped: " + load.skipped());
    this.stories = load.stories();
    this.index = StoryIndex.inMemory(stories);
  }

  /** The {@link Fixtures}, copied into {@code dir} and indexed. */
  static IndexedStories fixtures(Path dir) throws IOException {
    return new IndexedStories(Fixtures.folder(dir));
  }

  /** {@code files} (name → text) written into {@code dir} and indexed. */
  static IndexedStories of(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    for (var f : files.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
    return new IndexedStories(dir);
  }

  List<Story> stories() {
    return stories;
  }

  /** Paragraphs in the index. */
  int paragraphs() {
    return Fixtures.paragraphs(stories);
  }

  /** Every paragraph {@code query} finds, best first, as "story-id ¶n". */
  List<String> hits(Query query) {
    return index.withSearcher(s -> {
      TopDocs top = s.search(query, Math.max(1, paragraphs()));
      List<String> out = new ArrayList<>();
      for (ScoreDoc d : top.scoreDocs) {
        var doc = s.storedFields().document(d.doc);
        out.add(doc.get(IndexSchema.STORY_ID) + " ¶" + doc.getField(IndexSchema.PARAGRAPH).numericValue());
      }
      return out;
    });
  }

  /** The stories of the paragraphs {@code query} finds, each once, best first. */
  List<String> storyIds(Query query) {
    return hits(query).stream().map(h -> h.substring(0, h.indexOf(" ¶"))).distinct().toList();
  }

  @Override
  public void close() {
    try {
      index.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
