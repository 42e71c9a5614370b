package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.index.StoryIndex;
import dev.storybot.story.Story;
import dev.storybot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {

  @TempDir Path temp;

  @Test
  void indexesAFolderAndSummarisesWithTheSkippedFiles() throws IOException {
    Path stories = temp.resolve("stories");
    List<Story> fixtures = Fixtures.stories(stories);
    Files.writeString(stories.resolve("a.pdf"), "%PDF-1.4");
    Path index = temp.resolve("index");
    Run run = Run.of("index", "--stories", stories.toString(), "--index", index.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().matches(
        "indexed " + fixtures.size() + " stories \\(" + Fixtures.paragraphs(fixtures)
            + " paragraphs\\) in \\d+\\.\\d s; skipped 1: a\\.pdf \\(unsupported format\\)\\R"),
        run.out());
    assertEquals("", run.err(), "no progress bar without a terminal");
    try (StoryIndex built = StoryIndex.open(index)) {
      assertEquals(fixtures.size(), built.stats().stories());
    }
  }

  @Test
  void reindexingReplacesTheIndex() throws IOException {
    Path stories = temp.resolve("stories");
    List<Story> fixtures = Fixtures.stories(stories);
    Path index = temp.resolve("index");
    assertEquals(0, Run.of("index", "--stories", stories.toString(), "--index", index.toString()).exitCode());
    Files.delete(stories.resolve("library-fire.txt"));
    List<Story> left = fixtures.stream().filter(s -> !s.id().equals("library-fire.txt")).toList();
    Run again = Run.of("index", "--stories", stories.toString(), "--index", index.toString());
    assertTrue(again.out().startsWith("indexed " + left.size() + " stories (" + Fixtures.paragraphs(left)
        + " paragraphs) in "), again.out());
    try (StoryIndex built = StoryIndex.open(index)) {
      assertEquals(left.size(), built.stats().stories());
    }
  }

  @Test
  void aMissingFolderIsAUserErrorSayingWhatToDo() {
    Path missing = temp.resolve("nowhere");
    Run run = Run.of("index", "--stories", missing.toString(), "--index", temp.resolve("index").toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertEquals("storybot: no folder " + missing + ": give --stories a folder of story files ("
        + StoryFolder.FORMATS + ")", run.err().strip());
    assertEquals("", run.out());
  }

  @Test
  void aFolderWithoutReadableStoriesIsAUserError() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Run run = Run.of("index", "--stories", empty.toString(), "--index", temp.resolve("index").toString());
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("no readable stories in " + empty + " (it is empty)"), run.err());

    Files.writeString(empty.resolve("notes.docx"), "x");
    Run unsupported = Run.of("index", "--stories", empty.toString(), "--index", temp.resolve("index").toString());
    assertEquals(ExitCodes.USER_ERROR, unsupported.exitCode());
    assertTrue(unsupported.err().contains("notes.docx (unsupported format)"), unsupported.err());
    assertTrue(Files.notExists(temp.resolve("index")), "no index is written when nothing can be read");
  }

  @Test
  void storiesIsRequired() {
    Run run = Run.of("index");
    assertEquals(ExitCodes.USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("--stories"), run.err());
  }
}
