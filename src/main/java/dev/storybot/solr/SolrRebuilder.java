package dev.storybot.solr;

import dev.storybot.index.IndexSchema;
import dev.storybot.index.IndexStats;
import dev.storybot.index.RebuildLock;
import dev.storybot.index.Rebuilder;
import dev.storybot.index.VectorFields;
import dev.storybot.index.VectorSource;
import dev.storybot.search.Shelf;
import dev.storybot.story.Story;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the stories in Solr as a new generation: a new collection ALIAS_N_STAMP is filled and committed while
 * searches still read the old one; the alias moves to it only once it holds every paragraph, in one atomic step. A
 * failed build deletes its collection and leaves the alias where it was. The generation before stays for questions
 * still pinned to it; older ones are deleted. Rebuilds take turns through a {@link RebuildLock}. With a
 * {@link VectorSource}, each paragraph carries the meaning fields the embedded indexer writes ({@link VectorFields}),
 * and the collection's {@link Build} names the model.
 */
public final class SolrRebuilder implements Rebuilder {

  private static final Logger log = LoggerFactory.getLogger(SolrRebuilder.class);

  /** Paragraphs per update request. */
  static final int BATCH = 500;
  /** How long a rebuild waits for another one to finish. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(30);

  private final SolrShelf shelf;
  private final SolrClient client;
  private final SolrCollections collections;
  private final RebuildLock lock;
  private final boolean skipUnchanged;
  private final Clock clock = Clock.systemUTC();
  /** Where rebuilds get the sentences' vectors; null: words alone. */
  private volatile VectorSource vectors;

  SolrRebuilder(SolrShelf shelf, RebuildLock lock, boolean skipUnchanged, VectorSource vectors) {
    this.shelf = shelf;
    this.client = shelf.client();
    this.collections = shelf.collections();
    this.lock = lock;
    this.skipUnchanged = skipUnchanged;
    this.vectors = vectors;
  }

  /** From the next rebuild on, writes meaning from {@code source} too (null: words alone). */
  @Override
  public void embedWith(VectorSource source) {
    this.vectors = source;
  }

  @Override
  public IndexStats rebuild(List<Story> stories) throws IOException {
    return rebuild(stories, n -> {});
  }

  /**
   * Builds a new generation of {@code stories} and moves the alias to it, reporting each story written to
   * {@code progress}. When this rebuilder skips unchanged stories and the alias already reads exactly these stories
   * (another replica built them from the same folder), nothing is built.
   */
  public IndexStats rebuild(List<Story> stories, IntConsumer progress) throws IOException {
    try (RebuildLock.Held held = lock.acquire(collections.alias(), LOCK_WAIT)) {
      return build(stories, progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for another rebuild of " + collections.alias());
    } catch (SolrServerException e) {
      throw new IOException("Solr failed a rebuild of " + collections.alias() + ": " + e.getMessage(), e);
    }
  }

  private IndexStats build(List<Story> stories, IntConsumer progress) throws IOException, SolrServerException {
    VectorSource source = vectors;
    String model = source == null ? null : source.modelId();
    String fingerprint = StoryFingerprint.of(stories);
    Optional<SolrCollections.Pinned> before = collections.current();
    if (skipUnchanged && before.isPresent() && before.get().build() != null
        && fingerprint.equals(before.get().build().fingerprint())
        && IndexSchema.VERSION.equals(before.get().build().schemaVersion())
        && Objects.equals(model, before.get().build().model())) {
      log.info("Solr collection {} already holds these stories; not rebuilt", before.get().collection());
      return stats();
    }
    if (source != null) source.expect(stories);
    Instant builtAt = clock.instant();
    String configset = Configset.bundled().ensureUploaded(client);
    long generation = nextGeneration(before);
    String collection = collections.name(generation);
    collections.create(collection, configset);
    int paragraphs;
    try {
      paragraphs = write(collection, stories, source, progress);
    } catch (IOException | SolrServerException | RuntimeException | Error e) {
      deleteQuietly(collection);
      throw e;
    }
    collections.point(collection,
        new Build(stories.size(), paragraphs, builtAt, IndexSchema.VERSION, fingerprint, model));
    dropOlder(generation, before);
    return new IndexStats(stories.size(), paragraphs, generation, builtAt, model);
  }

  private int write(String collection, List<Story> stories, VectorSource source, IntConsumer progress)
      throws IOException, SolrServerException {
    List<SolrInputDocument> batch = new ArrayList<>(BATCH);
    int paragraphs = 0;
    int done = 0;
    for (Story story : stories) {
      List<String> texts = story.paragraphs();
      VectorSource.StoryVectors meaning = source == null ? null : source.vectors(story);
      if (meaning != null && meaning.paragraphs().size() != texts.size()) {
        throw new IllegalStateException(source.modelId() + " gave " + meaning.paragraphs().size()
            + " paragraphs of vectors for " + texts.size() + " paragraphs of " + story.id());
      }
      for (int i = 0; i < texts.size(); i++) {
        VectorFields.Values v = meaning == null ? null
            : VectorFields.values(meaning.paragraphs().get(i), meaning.headline());
        batch.add(SolrDocuments.paragraph(story, i + 1, texts.get(i), v));
        paragraphs++;
        if (batch.size() == BATCH) {
          client.add(collection, batch);
          batch.clear();
        }
      }
      progress.accept(++done);
    }
    if (!batch.isEmpty()) client.add(collection, batch);
    client.commit(collection, true, true);
    long found = client.query(collection, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    if (found != paragraphs) {
      throw new IOException("the new Solr collection " + collection + " holds " + found + " paragraphs after its"
          + " commit, not the " + paragraphs + " written; the alias stays where it was. Replicas: "
          + collections.replicaCounts(collection));
    }
    return paragraphs;
  }

  // Past every generation there is, so a name is never reused (a crashed build may have left one behind).
  private long nextGeneration(Optional<SolrCollections.Pinned> before) throws IOException, SolrServerException {
    long max = before.map(SolrCollections.Pinned::generation).orElse(0L);
    for (String c : collections.generations()) max = Math.max(max, collections.generationOf(c).getAsLong());
    return max + 1;
  }

  // Keeps the new generation and the one before (questions may still be pinned to it); deletes those older still.
  private void dropOlder(long generation, Optional<SolrCollections.Pinned> before) {
    long keep = before.map(SolrCollections.Pinned::generation).filter(g -> g > 0).orElse(generation);
    try {
      for (String c : collections.generations()) {
        if (collections.generationOf(c).getAsLong() < keep) deleteQuietly(c);
      }
    } catch (IOException | SolrServerException e) {
      log.warn("Could not list the old Solr collections of {} to delete them: {}", collections.alias(), e.toString());
    }
  }

  private void deleteQuietly(String collection) {
    try {
      collections.delete(collection);
    } catch (IOException | SolrServerException | RuntimeException e) {
      log.warn("Could not delete the Solr collection {}: {}", collection, e.toString());
    }
  }

  /** What searches read now; zeros when the alias does not exist yet. */
  @Override
  public IndexStats stats() {
    try {
      if (collections.current().isEmpty()) return new IndexStats(0, 0, 0, null, null);
    } catch (IOException | SolrServerException e) {
      throw new UncheckedIOException(new IOException("Solr does not answer: " + e.getMessage(), e));
    }
    return shelf.read(Shelf.Snapshot::stats);
  }
}
