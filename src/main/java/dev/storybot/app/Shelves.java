package dev.storybot.app;

import dev.storybot.answer.Texts;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.index.InProcessRebuildLock;
import dev.storybot.index.IndexFolder;
import dev.storybot.index.RebuildLock;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.index.Rebuilder;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.LuceneShelf;
import dev.storybot.search.Shelf;
import dev.storybot.solr.SolrRebuilder;
import dev.storybot.solr.SolrShelf;
import dev.storybot.story.FolderStamp;
import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the shelf that {@link Config#shelf()} names: a Solr alias, a built index, a folder of stories, or the bundled
 * stories.
 */
public final class Shelves {

  private static final Logger log = LoggerFactory.getLogger(Shelves.class);

  private Shelves() {}

  /**
   * A shelf to answer from, with what live reload needs to keep it in step with STORIES_DIR.
   *
   * @param shelf the shelf, open
   * @param index what reloads rebuild (the embedded index under it, or its Solr alias); null when not reloaded
   * @param load the stories it was built from (STORIES_DIR as read at start, the bundled stories), or null when it
   *     was opened from INDEX_DIR
   */
  public record Opened(Shelf shelf, Rebuilder index, StoryLoad load) {
    /** An embedded index of {@code index}, built from {@code load} (or null). */
    public static Opened embedded(StoryIndex index, StoryLoad load) {
      return new Opened(new LuceneShelf(index), index, load);
    }

    /** An in-memory index of {@code stories} (words alone until meaning is added), not reloaded from a folder. */
    public static Opened inMemory(List<Story> stories) {
      StoryIndex index = StoryIndex.inMemory(stories);
      return new Opened(new LuceneShelf(index), index, new StoryLoad(stories, List.of()));
    }
  }

  /** The shelf to answer from; a user error names the variable and says what to do. */
  public static Opened open(Config config) throws IOException {
    return open(config, new InProcessRebuildLock());
  }

  /**
   * As {@link #open(Config)}; Solr rebuilds (at start and on reloads) take turns through {@code lock}, which replicas
   * share when they share a database.
   */
  public static Opened open(Config config, RebuildLock lock) throws IOException {
    return switch (config.shelf()) {
      case BUNDLED -> Opened.inMemory(StoryLoader.bundled());
      case INDEX_DIR -> config.storiesDir() == null ? Opened.embedded(openIndex(config.indexDir()), null) : inStep(config);
      case STORIES_DIR -> {
        StoryLoad load = load(config.storiesDir());
        yield Opened.embedded(StoryIndex.inMemory(load.stories()), load);
      }
      case SOLR -> openSolr(config, lock);
    };
  }

  // The alias in Solr; with STORIES_DIR, built from the folder first when it is missing or of another schema.
  private static Opened openSolr(Config config, RebuildLock lock) throws IOException {
    SolrShelf shelf = SolrShelf.connect(config.solr());
    try {
      if (config.storiesDir() == null) {
        check(shelf::check);
        return new Opened(shelf, null, null);
      }
      // Rebuilds take turns: within this process, and between replicas through the database's advisory lock.
      SolrRebuilder rebuilder = shelf.rebuilder(lock, true, null);
      StoryLoad load = null;
      try {
        shelf.check();
      } catch (IndexUnavailableException e) {
        check(shelf::exists);  // Solr answers: the alias is missing or of another schema
        log.info("Building the Solr alias {} from {}: {}", shelf.alias(), config.storiesDir(), e.getMessage());
        load = load(config.storiesDir());
        rebuilder.rebuild(load.stories());
        check(shelf::check);
      }
      return new Opened(shelf, rebuilder, load);
    } catch (IOException | RuntimeException e) {
      shelf.close();
      throw e;
    }
  }

  private static void check(Runnable solrCheck) {
    try {
      solrCheck.run();
    } catch (IndexUnavailableException e) {
      throw new ConfigException(Config.SOLR_URL + ": " + e.getMessage());
    }
  }

  private static StoryIndex openIndex(Path dir) throws IOException {
    try {
      return StoryIndex.open(dir);
    } catch (IndexUnavailableException e) {
      throw new ConfigException(Config.INDEX_DIR + ": " + e.getMessage());
    }
  }

  /**
   * INDEX_DIR kept in step with STORIES_DIR: the index opened as it is when it records being built from the folder's
   * files exactly as they are now (names, sizes, content); otherwise — other files, an index built elsewhere, none
   * yet, another schema version — built again from the folder before anything is answered, whatever the files'
   * modification times say.
   */
  private static Opened inStep(Config config) throws IOException {
    Path indexDir = config.indexDir();
    Path storiesDir = config.storiesDir();
    requireFolder(storiesDir);
    String problem = IndexFolder.problem(indexDir, storiesDir);
    if (problem != null) throw new ConfigException(Config.INDEX_DIR + ": " + problem);
    FolderStamp now = FolderStamp.of(storiesDir);
    StoryIndex index = null;
    try {
      index = StoryIndex.open(indexDir);
    } catch (IndexUnavailableException e) {
      log.info("{} {}: building it from {} ({}) before answering", Config.INDEX_DIR, e.getMessage(), Config.STORIES_DIR,
          now.describe());
    }
    if (index != null) {
      Optional<FolderStamp> built = index.builtFrom();
      if (built.equals(Optional.of(now))) {
        log.info("The index in {} holds the stories of {} as they are ({}); rebuilding it whenever they change",
            indexDir, storiesDir, now.describe());
        return Opened.embedded(index, null);
      }
      log.info("The index in {} was built from {}; {} holds {}: rebuilding it before answering", indexDir,
          built.map(FolderStamp::describe).map(d -> "other stories (" + d + ")").orElse("stories it does not record"),
          storiesDir, now.describe());
    }
    try {
      StoryLoad load = load(storiesDir);
      if (index == null) index = StoryIndex.build(indexDir, load.stories(), now);
      else index.rebuild(load.stories(), now);
      return Opened.embedded(index, load);
    } catch (IOException | RuntimeException e) {
      if (index != null) index.close();
      throw e;
    }
  }

  private static void requireFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(Config.STORIES_DIR + "=" + dir + " is not a folder: point it at the folder holding"
          + " your story files");
    }
  }

  private static StoryLoad load(Path dir) throws IOException {
    StoryLoad load;
    try {
      load = StoryLoader.load(dir);
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw new ConfigException(Config.STORIES_DIR + "=" + dir
          + " is not a folder: point it at the folder holding your story files");
    }
    load.skipped().forEach(s -> log.warn("Skipped story file {}", s));
    if (load.stories().isEmpty()) {
      throw new ConfigException(Config.STORIES_DIR + "=" + dir + " holds no readable stories"
          + (load.skipped().isEmpty() ? "" : " (skipped: " + load.skipped() + ")") + ": add story files there");
    }
    log.info("Indexed {} ({}) from {}", Texts.count(load.stories().size(), "story", "stories"),
        Texts.count(load.paragraphCount(), "paragraph", "paragraphs"), dir);
    return load;
  }
}
