package dev.storybot.cli;

import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import dev.storybot.config.SolrSettings;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.solr.SolrShelf;
import picocli.CommandLine.Option;

/** The Solr options of `index`, `ask` and `eval` (a picocli mixin); SOLR_URL and SOLR_COLLECTION by default. */
final class SolrOptions {

  @Option(names = "--solr", paramLabel = "URL", defaultValue = "${env:" + Config.SOLR_URL + "}",
      description = "Use the SolrCloud at this node URL (several comma-separated) instead of an embedded index"
          + " (default: " + Config.SOLR_URL + ").")
  String url;

  @Option(names = "--solr-collection", paramLabel = "ALIAS", defaultValue = "${env:" + Config.SOLR_COLLECTION + "}",
      description = "The Solr alias of the stories (default: " + Config.SOLR_COLLECTION + ", else "
          + SolrSettings.DEFAULT_COLLECTION + ").")
  String collection;

  /** The Solr to use, or null when neither --solr nor SOLR_URL is given. */
  SolrSettings settings() {
    if (url == null || url.isBlank()) return null;
    try {
      return SolrSettings.parse(url, collection == null || collection.isBlank() ? null : collection.strip());
    } catch (ConfigException e) {
      throw new ExitCodes.UserException(e.getMessage().replace(Config.SOLR_URL, "--solr (or " + Config.SOLR_URL + ")"));
    }
  }

  /** The shelf of the alias, checked; a user error saying what to do when it cannot be read. */
  static SolrShelf open(SolrSettings settings) {
    try {
      return SolrShelf.open(settings);
    } catch (IndexUnavailableException e) {
      throw new ExitCodes.UserException(e.getMessage());
    }
  }
}
