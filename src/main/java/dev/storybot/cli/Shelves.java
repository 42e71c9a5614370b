package dev.storybot.cli;

import dev.storybot.config.Config;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.index.StoryIndex;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the index that {@link Config#shelf()} names: a built index, a folder of stories, or the bundled stories. */
final class Shelves {

  private static final Logger log = LoggerFactory.getLogger(Shelves.class);

  private Shelves() {}

  /**
   * An index to answer from, and what was read from STORIES_DIR to build it (null when it was not built from it).
   *
   * @param index the index, open
   * @param load the stories folder as read at start, or null
   */
  record Opened(StoryIndex index, StoryLoad load) {}

  /** The index to answer from; a user error names the variable and says what to do. */
  static Opened open(Config config) throws IOException {
    return switch (config.shelf()) {
      case BUNDLED -> new Opened(StoryIndex.inMemory(StoryLoader.bundled()), null);
      case INDEX_DIR -> new Opened(openIndex(config), null);
      case STORIES_DIR -> {
        StoryLoad load = load(config.storiesDir());
        yield new Opened(StoryIndex.inMemory(load.stories()), load);
      }
    };
  }

  private static StoryIndex openIndex(Config config) throws IOException {
    if (config.storiesDir() != null) {
      log.info("Answering from the index in {} and rebuilding it whenever {} changes", Config.INDEX_DIR,
          Config.STORIES_DIR);
    }
    try {
      return StoryIndex.open(config.indexDir());
    } catch (IndexUnavailableException e) {
      throw new ExitCodes.UserException(Config.INDEX_DIR + ": " + e.getMessage());
    }
  }

  private static StoryLoad load(Path dir) throws IOException {
    StoryLoad load;
    try {
      load = StoryLoader.load(dir);
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw new ExitCodes.UserException(Config.STORIES_DIR + "=" + dir
          + " is not a folder: point it at the folder holding your story files");
    }
    load.skipped().forEach(s -> log.warn("Skipped story file {}", s));
    if (load.stories().isEmpty()) {
      throw new ExitCodes.UserException(Config.STORIES_DIR + "=" + dir + " holds no readable stories"
          + (load.skipped().isEmpty() ? "" : " (skipped: " + load.skipped() + ")") + ": add story files there");
    }
    log.info("Indexed {} stories ({} paragraphs) from {}", load.stories().size(), load.paragraphCount(), dir);
    return load;
  }
}
