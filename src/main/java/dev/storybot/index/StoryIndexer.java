package dev.storybot.index;

import dev.storybot.story.FolderStamp;
import dev.storybot.story.Story;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * Writes a complete paragraph index into a directory, replacing what was there in one atomic commit.
 *
 * <p>Readers of the previous commit never see a half-written index: documents become visible only at the single
 * commit at the end, and a build that fails (or is killed) before it leaves the previous commit untouched.
 */
public final class StoryIndexer {

  /** TEXT: analysed, stored, with positions and offsets in the postings (phrase queries, highlighting). */
  static final FieldType TEXT_TYPE = textType();

  private final Clock clock;
  private final VectorSource vectors;

  /** An indexer of words alone. */
  public StoryIndexer() {
    this(Clock.systemUTC(), null);
  }

  /** An indexer of words and, when {@code vectors} is not null, of meaning (the sentences' vectors). */
  public StoryIndexer(VectorSource vectors) {
    this(Clock.systemUTC(), vectors);
  }

  public StoryIndexer(Clock clock, VectorSource vectors) {
    this.clock = clock;
    this.vectors = vectors;
  }

  /**
   * Writes {@code stories} into {@code dir} as a new commit, reporting each story written to {@code progress}.
   * The stories are iterated once, so a caller may stream them from disk.
   */
  public IndexStats write(Directory dir, Iterable<Story> stories, IntConsumer progress) throws IOException {
    return write(dir, stories, progress, null);
  }

  /** As {@link #write(Directory, Iterable, IntConsumer)}, recording that the stories were read from {@code from}. */
  public IndexStats write(Directory dir, Iterable<Story> stories, IntConsumer progress, FolderStamp from)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        // Closing must never publish a partial index: only the explicit commit below does.
        .setCommitOnClose(false);
    if (vectors != null) config.setCodec(VectorFields.codec());
    Instant builtAt = clock.instant();
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      try {
        int storyCount = 0;
        int paragraphs = 0;
        for (Story story : stories) {
          List<String> texts = story.paragraphs();
          VectorSource.StoryVectors meaning = vectors == null ? null : vectors.vectors(story);
          if (meaning != null && meaning.paragraphs().size() != texts.size()) {
            throw new IllegalStateException(vectors.modelId() + " gave " + meaning.paragraphs().size()
                + " paragraphs of vectors for " + texts.size() + " paragraphs of " + story.id());
          }
          for (int i = 0; i < texts.size(); i++) {
            Document doc = document(story, i + 1, texts.get(i));
            if (meaning != null) VectorFields.add(doc, meaning.paragraphs().get(i), meaning.headline());
            writer.addDocument(doc);
          }
          paragraphs += texts.size();
          progress.accept(++storyCount);
        }
        Map<String, String> data = new HashMap<>(IndexedFrom.userData(from));
        data.putAll(Map.of(
            IndexSchema.DATA_STORIES, Integer.toString(storyCount),
            IndexSchema.DATA_PARAGRAPHS, Integer.toString(paragraphs),
            IndexSchema.DATA_BUILT_AT, builtAt.toString(),
            IndexSchema.DATA_VERSION, IndexSchema.VERSION));
        if (vectors != null) data.put(VectorFields.DATA_MODEL, vectors.modelId());
        writer.setLiveCommitData(data.entrySet());
        writer.commit();  // returns a sequence number, not the commit's generation
        return new IndexStats(storyCount, paragraphs, SegmentInfos.getLastCommitGeneration(dir), builtAt,
            vectors == null ? null : vectors.modelId());
      } catch (IOException | RuntimeException | Error e) {
        writer.rollback();
        throw e;
      }
    }
  }

  static Document document(Story story, int paragraph, String text) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.STORY_ID, story.id(), Field.Store.YES));
    IndexSchema.addAttribution(doc, story.attribution());
    doc.add(new IntPoint(IndexSchema.PARAGRAPH, paragraph));
    doc.add(new StoredField(IndexSchema.PARAGRAPH, paragraph));
    doc.add(new Field(IndexSchema.TEXT, text, TEXT_TYPE));
    doc.add(new TextField(IndexSchema.TEXT_EXACT, text, Field.Store.NO));
    return doc;
  }

  private static FieldType textType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
