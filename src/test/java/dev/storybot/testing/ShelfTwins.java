package dev.storybot.testing;

import dev.storybot.index.InProcessRebuildLock;
import dev.storybot.index.StoryIndex;
import dev.storybot.search.LuceneShelf;
import dev.storybot.solr.SolrShelf;
import dev.storybot.story.Story;
import java.util.List;

/**
 * The same stories on both shelves, for parity tests: an embedded index in memory, and a Solr alias of the test
 * cluster built by the real rebuilder. Closing drops the alias and its collections.
 */
public final class ShelfTwins implements AutoCloseable {

  private final SolrCluster cluster;
  private final String alias;
  private final LuceneShelf embedded;
  private final SolrShelf solr;

  private ShelfTwins(SolrCluster cluster, String alias, LuceneShelf embedded, SolrShelf solr) {
    this.cluster = cluster;
    this.alias = alias;
    this.embedded = embedded;
    this.solr = solr;
  }

  /** Indexes {@code stories} in memory and into alias {@code alias} of {@code cluster} (dropped first if left over). */
  public static ShelfTwins of(SolrCluster cluster, String alias, List<Story> stories) throws Exception {
    cluster.dropAlias(alias);
    LuceneShelf embedded = new LuceneShelf(StoryIndex.inMemory(stories));
    SolrShelf solr = SolrShelf.connect(cluster.settings(alias));
    try {
      solr.rebuilder(new InProcessRebuildLock(), false, null).rebuild(stories);
      return new ShelfTwins(cluster, alias, embedded, solr);
    } catch (Exception | Error e) {
      solr.close();
      embedded.close();
      throw e;
    }
  }

  public LuceneShelf embedded() {
    return embedded;
  }

  public SolrShelf solr() {
    return solr;
  }

  @Override
  public void close() throws Exception {
    try (LuceneShelf e = embedded; SolrShelf s = solr) {
      cluster.dropAlias(alias);
    }
  }
}
