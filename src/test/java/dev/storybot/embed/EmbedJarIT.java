package dev.storybot.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar embeds as shipped: its lean set of native libraries is enough on this Linux machine, nothing is
 * downloaded (every connection goes to a dead proxy), and it runs as a non-root user whose home cannot be written,
 * unpacking natives under the temp folder only and removing its own folder at exit.
 */
class EmbedJarIT {

  private static final Path JAR = Path.of("target/storybot.jar").toAbsolutePath();
  private static final Path TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath();

  private Path tmp;
  private Path home;
  private Path shipped;  // the jar and the probe, copied where the other user can read them

  @BeforeEach
  void folders() throws IOException {
    // Under /tmp rather than a @TempDir: another user must be able to reach them.
    tmp = Files.createTempDirectory(Path.of("/tmp"), "embed-it-tmp-");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
    home = Files.createTempDirectory(Path.of("/tmp"), "embed-it-home-");
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
    // The checkout may sit in a folder only its owner can enter (a fresh clone under mktemp -d): the other user runs
    // copies of the jar and of the probe's class instead.
    shipped = Files.createTempDirectory(Path.of("/tmp"), "embed-it-jar-");
    Files.setPosixFilePermissions(shipped, PosixFilePermissions.fromString("r-xr-xr-x"));
  }

  @AfterEach
  void cleanUp() throws IOException {
    for (Path dir : List.of(tmp, home, shipped)) {
      try (Stream<Path> dirs = Files.walk(dir)) {
        dirs.filter(Files::isDirectory).forEach(d -> d.toFile().setWritable(true, true));
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void theShadedJarLoadsTheModelAndEmbedsOfflineAsAnUnprivilegedUser() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "mvn package has built " + JAR);
    Files.setPosixFilePermissions(shipped, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = Files.copy(JAR, shipped.resolve("storybot.jar"));
    String probeClass = JarProbe.class.getName().replace('.', '/') + ".class";
    Path classes = shipped.resolve("classes");
    Files.createDirectories(classes.resolve(probeClass).getParent());
    Files.copy(TEST_CLASSES.resolve(probeClass), classes.resolve(probeClass));
    try (Stream<Path> files = Files.walk(shipped)) {
      for (Path f : files.toList()) {
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "r-xr-xr-x" : "r--r--r--"));
      }
    }
    List<String> command = new ArrayList<>();
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      // nobody's home is /nonexistent: not there, not creatable.
      command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Djava.io.tmpdir=" + tmp,
        "-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=9", "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
        "-cp", jar + ":" + classes, JarProbe.class.getName()));
    if (!root) command.add(command.size() - 3, "-Duser.home=" + home);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeAll(List.of(NativeLibraries.ENGINE_CACHE_DIR, NativeLibraries.DJL_CACHE_DIR));
    Process probe = builder.start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(probe.waitFor(2, TimeUnit.MINUTES), "the probe finished");
    assertEquals(0, probe.exitValue(), output);

    Map<String, String> said = new HashMap<>();
    for (String line : output.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.contains(" ")) said.put(line.substring(0, eq), line.substring(eq + 1));
    }
    assertEquals(jar, Path.of(java.net.URI.create(said.get("codeSource"))), "the classes came from the jar");
    assertEquals("384", said.get("dimensions"), output);
    assertEquals("true", said.get("answerCloser"), output);
    assertTrue(said.get("nativeDir").startsWith(tmp.toString()), "natives under the temp folder: " + output);
    assertFalse(Files.exists(Path.of(said.get("nativeDir"))), "our natives folder is gone after exit");
    try (Stream<Path> left = Files.list(home)) {
      assertEquals(List.of(), left.toList(), "nothing written to the home folder");
    }
  }
}
