package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.config.Config;
import dev.storybot.testing.Fixtures;
import dev.storybot.testing.SlackApiStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index is written only where nothing else lives: never among the stories, never over someone's files or another
 * program's index — by `storybot index` and by `serve` rebuilding INDEX_DIR alike. Nothing is written when refused.
 */
class IndexFolderTest {

  @RegisterExtension final SlackApiStub stub = SlackApiStub.start();
  @TempDir Path temp;
  private Path stories;

  @BeforeEach
  void copyFixtures() {
    stories = Fixtures.folder(temp.resolve("stories"));
  }

  @Test
  void theStoriesFolderIsNoIndexFolder() throws IOException {
    List<String> before = names(stories);
    Run run = Run.of("index", "--stories", stories.toString(), "--index", stories.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode(), run.out());
    assertTrue(run.err().contains("is the stories folder") && run.err().contains("stories-index"), run.err());
    assertEquals(before, names(stories), "nothing written among the stories");
  }

  @Test
  void norIsAFolderInsideIt() throws IOException {
    Run run = Run.of("index", "--stories", stories.toString(), "--index", stories.resolve("idx").toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("is inside the stories folder"), run.err());
    assertTrue(Files.notExists(stories.resolve("idx")));
  }

  @Test
  void aFolderHoldingOtherFilesIsRefusedNamingThem() throws IOException {
    Path index = Files.createDirectories(temp.resolve("home"));
    Files.writeString(index.resolve("notes.txt"), "mine");
    Files.createDirectories(index.resolve("photos"));
    Run run = Run.of("index", "--stories", stories.toString(), "--index", index.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("holds files that are not a storybot index (notes.txt, photos/)"), run.err());
    assertEquals(List.of("notes.txt", "photos"), names(index), "left as it was");
  }

  @Test
  void anotherProgramsLuceneIndexIsRefused() throws IOException {
    Path index = temp.resolve("theirs");
    try (IndexWriter w = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig(new StandardAnalyzer()))) {
      Document doc = new Document();
      doc.add(new TextField("body", "not a story", Field.Store.YES));
      w.addDocument(doc);
      w.commit();
    }
    List<String> before = names(index);
    Run run = Run.of("index", "--stories", stories.toString(), "--index", index.toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("holds a Lucene index that storybot did not write"), run.err());
    assertEquals(before, names(index));
  }

  @Test
  void storybotsOwnIndexIsReplacedAsBefore() {
    Path index = temp.resolve("index");
    assertEquals(0, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
    Run again = Run.of("index", "--stories", stories.toString(), "--index", index.toString());
    assertEquals(0, again.exitCode(), again.err());
  }

  @Test
  void serveRefusesToRebuildAnIndexAmongTheStories() throws IOException {
    List<String> before = names(stories);
    ServeRunFailure f = ServeRunFailure.of(stub, Config.INDEX_DIR, stories.toString(), Config.STORIES_DIR,
        stories.toString());
    assertEquals(ExitCodes.USER_ERROR, f.exitCode(), f.err());
    assertTrue(f.err().contains("INDEX_DIR: the index folder " + stories + " is the stories folder"), f.err());
    assertEquals(before, names(stories));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
