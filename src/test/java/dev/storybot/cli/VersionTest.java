package dev.storybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `storybot --version` says which build it is: the pom's version, from the jar and from classes alike. */
class VersionTest {

  @Test
  void versionIsThePomsVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m = Pattern.compile("<artifactId>storybot</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertTrue(m.find(), "the version in pom.xml");
    for (String flag : new String[] {"--version", "-V"}) {
      Run run = Run.of(flag);
      assertEquals(0, run.exitCode());
      assertEquals("storybot " + m.group(1), run.out().strip());
    }
  }
}
