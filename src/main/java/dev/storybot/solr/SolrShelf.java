package dev.storybot.solr;

import dev.storybot.config.SolrSettings;
import dev.storybot.index.IndexSchema;
import dev.storybot.index.IndexUnavailableException;
import dev.storybot.index.RebuildLock;
import dev.storybot.index.VectorSource;
import dev.storybot.search.Shelf;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;

/**
 * The shelf in a SolrCloud collection alias: the embedded index's queries translated clause for clause, its spelling
 * and word weights from the same term statistics ({@link SolrSnapshot}). Each snapshot resolves the alias once and
 * reads that one collection, so a rebuild that moves the alias mid-question never mixes two generations in one
 * answer. Thread-safe.
 */
public final class SolrShelf implements Shelf {

  private final SolrClient client;
  private final SolrCollections collections;

  SolrShelf(SolrClient client, String alias) {
    this.client = client;
    this.collections = new SolrCollections(client, alias);
  }

  /**
   * A shelf over the alias {@code settings} names, checked to exist and to be of this storybot's schema.
   *
   * @throws IndexUnavailableException when Solr does not answer, or holds no such alias or collection, or one
   *     built for another schema version
   */
  public static SolrShelf open(SolrSettings settings) {
    SolrShelf shelf = connect(settings);
    try {
      shelf.check();
      return shelf;
    } catch (RuntimeException e) {
      shelf.close();
      throw e;
    }
  }

  /** A shelf over the alias {@code settings} names, which need not exist yet (a first rebuild creates it). */
  public static SolrShelf connect(SolrSettings settings) {
    return new SolrShelf(new FailoverSolrClient(settings.nodes()), settings.collection());
  }

  /** Whether the alias (or a collection of its name) exists. */
  public boolean exists() {
    try {
      return collections.current().isPresent();
    } catch (IOException | SolrServerException e) {
      throw unreachable(e);
    }
  }

  /**
   * What rebuilds this shelf's alias, through this shelf's connection, taking turns through {@code lock}.
   *
   * @param skipUnchanged whether a rebuild of exactly the stories the alias already reads is skipped (live reload
   *     on several replicas); `storybot index` always builds
   * @param vectors where the stories' meaning comes from (as the embedded indexer's), or null for words alone
   */
  public SolrRebuilder rebuilder(RebuildLock lock, boolean skipUnchanged, VectorSource vectors) {
    return new SolrRebuilder(this, lock, skipUnchanged, vectors);
  }

  /**
   * Checks that the alias exists and was built for this storybot's schema.
   *
   * @throws IndexUnavailableException saying what to do when not
   */
  public void check() {
    SolrCollections.Pinned p = pin();
    if (p.build() != null && !IndexSchema.VERSION.equals(p.build().schemaVersion())) {
      throw new IndexUnavailableException("the Solr collection " + p.collection() + " behind " + collections.alias()
          + " has schema version " + p.build().schemaVersion() + ", this storybot reads version " + IndexSchema.VERSION
          + ": rebuild it with `storybot index --stories DIR` (with SOLR_URL set)", null);
    }
  }

  /** The alias searches read. */
  public String alias() {
    return collections.alias();
  }

  SolrCollections collections() {
    return collections;
  }

  SolrClient client() {
    return client;
  }

  @Override
  public Snapshot snapshot() {
    return new SolrSnapshot(client, pin());
  }

  private SolrCollections.Pinned pin() {
    try {
      return collections.current().orElseThrow(() -> new IndexUnavailableException("Solr at "
          + urls() + " has no alias or collection " + collections.alias() + ": build it with `storybot index --stories"
          + " DIR` (with SOLR_URL set), or set SOLR_COLLECTION to the alias of the stories", null));
    } catch (IOException | SolrServerException e) {
      throw unreachable(e);
    }
  }

  private IndexUnavailableException unreachable(Exception e) {
    return new IndexUnavailableException("Solr does not answer at " + urls() + " (" + e.getMessage() + "): check"
        + " SOLR_URL and that Solr is running", e);
  }

  private String urls() {
    return client instanceof FailoverSolrClient f ? String.join(", ", f.urls()) : client.toString();
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the Solr client failed", e);
    }
  }
}
