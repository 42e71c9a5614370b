package dev.storybot.app;

import dev.storybot.config.Config;
import dev.storybot.index.IndexFolder;
import dev.storybot.slack.ChannelSettingsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Config} names on disk, checked before anything starts — the stories and index folders, the channel
 * settings file — so that every problem is named at once, with its variable, and none waits for the first question.
 */
final class Preflight {

  private Preflight() {}

  static List<String> problems(Config config) {
    List<String> problems = new ArrayList<>();
    Path stories = config.storiesDir();
    Path index = config.indexDir();
    if (stories != null && !Files.isDirectory(stories)) {
      problems.add(Config.STORIES_DIR + "=" + stories + (Files.exists(stories) ? " is a file" : " does not exist")
          + ": point it at the folder holding your story files");
    }
    // Beside a Solr shelf, INDEX_DIR only keeps the stories' vectors: created when a rebuild first needs it.
    if (index != null && stories == null && config.solr() == null && !Files.isDirectory(index)) {
      problems.add(Config.INDEX_DIR + "=" + index + (Files.exists(index) ? " is a file" : " does not exist")
          + ": build an index there with `storybot index --stories DIR --index " + index + "`, or set "
          + Config.STORIES_DIR + " too, to have it built at start");
    }
    if (index != null && stories != null && Files.isDirectory(stories)) {
      try {
        String problem = IndexFolder.problem(index, stories);
        if (problem != null) problems.add(Config.INDEX_DIR + ": " + problem);
      } catch (IOException e) {
        problems.add(Config.INDEX_DIR + "=" + index + " cannot be read (" + e + "): check its permissions");
      }
    }
    if (Files.exists(config.feedbackDir()) && !Files.isDirectory(config.feedbackDir())) {
      problems.add(Config.FEEDBACK_DIR + "=" + config.feedbackDir() + " is a file: point it at a folder (created if"
          + " missing) where 👍/👎 clicks are written");
    }
    if (config.channelsConfig() != null) {
      ChannelSettingsFile.problems(config.channelsConfig()).forEach(p -> problems.add(Config.CHANNELS_CONFIG + "=" + p));
    }
    return problems;
  }
}
