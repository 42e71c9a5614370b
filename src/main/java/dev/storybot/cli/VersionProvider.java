package dev.storybot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Reports the version the build wrote into version.properties (from the pom), in the jar and from classes alike. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"storybot " + version()};
  }

  /** The pom's version, e.g. 0.1.0-SNAPSHOT. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) throw new IllegalStateException("version.properties is missing: a broken build");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }
}
