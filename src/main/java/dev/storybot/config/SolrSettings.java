package dev.storybot.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the Solr shelf is.
 *
 * @param nodes base URLs of SolrCloud nodes, such as http://solr1:8983/solr (SOLR_URL, comma-separated): any node
 *     answers for the whole cluster; further ones are tried when one does not answer
 * @param collection the alias that searches read and that a rebuild moves to its new collection (SOLR_COLLECTION)
 */
public record SolrSettings(List<String> nodes, String collection) {

  /** The alias used when SOLR_COLLECTION is not set. */
  public static final String DEFAULT_COLLECTION = "stories";

  public SolrSettings {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) throw new ConfigException(Config.SOLR_URL + " names no Solr node");
    if (collection == null) collection = DEFAULT_COLLECTION;
    // Solr's rule for collection and alias names; generations are named collection_N, so the name stays short.
    if (!collection.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}")) {
      throw new ConfigException(Config.SOLR_COLLECTION + " must be letters, digits, '_', '.' or '-' (not first),"
          + " at most 80 of them, got \"" + collection + "\"");
    }
  }

  /** Reads SOLR_URL's comma-separated node URLs (each http(s)://host:port/solr) and the alias name, or null. */
  public static SolrSettings parse(String urls, String collection) {
    List<String> nodes = new ArrayList<>();
    for (String part : urls.split(",")) {
      String url = part.strip();
      if (url.isEmpty()) continue;
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(Config.SOLR_URL + " holds something that is not a URL: \"" + url + "\"");
      }
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException(Config.SOLR_URL + " must be Solr nodes' base URLs such as"
            + " http://solr1:8983/solr (comma-separated for several), got \"" + url + "\"");
      }
      nodes.add(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
    return new SolrSettings(nodes, collection);
  }
}
