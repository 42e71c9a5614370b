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

  /** The index to answer from; a user error names the variable and says what to do. */
  static StoryIndex open(Config config) throws IOException {
    return switch (config.shelf()) {
      case BUNDLED -> StoryIndex.inMemory(StoryLoader.bundled());
      case INDEX_DIR -> openIndex(config);
      case STORIES_DIR -> StoryIndex.inMemory(load(config.storiesDir()).stories());
    };
  }

  private static StoryIndex openIndex(Config config) throws IOException {
    if (config.storiesDir() != null) {
      log.warn("{} is set, so {} is ignored: run `storybot index` to rebuild the index from it",
          Config.INDEX_DIR, Config.STORIES_DIR);
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
