package dev.storybot.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles, before DJL's tokenizer classes load, where its native library is unpacked and that DJL never goes online.
 *
 * <p>DJL copies {@code native/lib/<os-arch>/cpu/libtokenizers.so} out of the jar into {@code ENGINE_CACHE_DIR}
 * (else {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}, else {@code java.io.tmpdir/.djl.ai}) and loads it from there.
 * A shared, predictable folder would let another user plant a library there, and a home may be read-only; so unless
 * the operator chose a folder (those variables, or {@link EmbedderSettings#nativeDir()}), it goes to a fresh
 * owner-only folder under {@code java.io.tmpdir}, removed at exit. Offline mode keeps DJL from downloading a CUDA
 * build of the library (it would on a machine with a GPU) and from its EC2 telemetry call. JNA (DJL uses it to look
 * for CUDA) unpacks its own small library into {@code ~/.cache/JNA} unless told otherwise: it goes to the same
 * folder. ONNX Runtime unpacks its libraries into {@code java.io.tmpdir/onnxruntime-java*} by itself, deleting them
 * at exit (version 1.20 leaves the empty folder behind).
 */
final class NativeLibraries {

  private static final Logger log = LoggerFactory.getLogger(NativeLibraries.class);

  static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";
  static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";
  static final String JNA_TMPDIR = "jna.tmpdir";

  /** The folder DJL was pointed at; DJL loads its library once per JVM, so the first choice holds. */
  private static Path tokenizerDir;

  private NativeLibraries() {}

  /** Prepares DJL (once per JVM) and returns the folder its tokenizer library is unpacked into. */
  static synchronized Path prepareTokenizer(Optional<Path> configured) {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    if (tokenizerDir != null) return tokenizerDir;
    try {
      String operator = setting(ENGINE_CACHE_DIR);
      if (operator == null) operator = setting(DJL_CACHE_DIR);
      if (operator != null) {
        tokenizerDir = Path.of(operator);
      } else {
        if (configured.isPresent()) {
          tokenizerDir = Files.createDirectories(configured.get().toAbsolutePath());
        } else {
          tokenizerDir = Files.createTempDirectory("storybot-natives-");  // owner-only on POSIX
          Path dir = tokenizerDir;
          Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "storybot-natives-cleanup"));
        }
        System.setProperty(ENGINE_CACHE_DIR, tokenizerDir.toString());
        if (System.getProperty(JNA_TMPDIR) == null) System.setProperty(JNA_TMPDIR, tokenizerDir.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder for the tokenizer's native library: " + e.getMessage()
          + " (set java.io.tmpdir, or ENGINE_CACHE_DIR, to a writable folder)", e);
    }
    log.debug("tokenizer native library folder: {}", tokenizerDir);
    return tokenizerDir;
  }

  // DJL reads the environment first, then system properties; so do we.
  private static String setting(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) value = System.getProperty(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // At exit there is no one left to tell; the folder is under the temp folder anyway.
    }
  }
}
