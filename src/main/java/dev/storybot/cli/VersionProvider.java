package dev.storybot.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = StorybotCommand.class.getPackage().getImplementationVersion();
    return new String[] {"storybot " + (v == null ? "dev" : v)};
  }
}
