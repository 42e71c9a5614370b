package dev.storybot.testing;

import dev.storybot.index.InProcessRebuildLock;
import dev.storybot.index.StoryIndex;
import dev.storybot.index.VectorSource;
import dev.storybot.search.LuceneShelf;
import dev.storybot.solr.SolrShelf;
import dev.storybot.story.Story;
import java.util.List;

/**
 * The same stories on both shelves, for parity tests: an embedded index in memory, and a Solr alias of the test
 * cluster built by the real rebuilder, by words alone or with meaning from the same vectors. Closing drops the alias
 * and its collections.
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
    return of(cluster, alias, stories, null);
  }

  /** As {@link #of}, with the meaning of the stories from the tests' shared model ({@link TestMeaning}) on both. */
  public static ShelfTwins withMeaning(SolrCluster cluster, String alias, List<Story> stories) throws Exception {
    return of(cluster, alias, stories, TestMeaning.vectors());
  }

  private static ShelfTwins of(SolrCluster cluster, String alias, List<Story> stories, VectorSource vectors)
      throws Exception {
    cluster.dropAlias(alias);
    // The embedded index first: it embeds what the shared store lacks, so Solr's build reads every vector from it.
    LuceneShelf embedded = new LuceneShelf(StoryIndex.inMemory(stories, vectors));
    SolrShelf solr = SolrShelf.connect(cluster.settings(alias));
    try {
      solr.rebuilder(new InProcessRebuildLock(), false, vectors).rebuild(stories);
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
