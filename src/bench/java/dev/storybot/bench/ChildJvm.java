package dev.storybot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A `storybot` command in a fresh JVM on this process's class path (the jar, or the build's classes in tests), with
 * its standard error kept in a file for the failure message.
 */
final class ChildJvm {

  static final String MAIN = "dev.storybot.cli.StorybotCommand";
  private static final Set<String> STORYBOT_SETTINGS = Set.of("PORT", "INDEX_DIR", "STORIES_DIR", "FEEDBACK_DIR", "CHANNELS_CONFIG",
      "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

  private ChildJvm() {}

  /** The process builder for {@code java <jvmArgs> -cp <class path> storybot <args>}, stderr to {@code errFile}. */
  static ProcessBuilder builder(List<String> jvmArgs, List<String> args, Path errFile, Map<String, String> env) {
    return builder(jvmArgs, args, errFile, env, System.getenv());
  }

  /** As {@link #builder(List, List, Path, Map)} for a caller whose own environment is {@code inherited}. */
  static ProcessBuilder builder(List<String> jvmArgs, List<String> args, Path errFile, Map<String, String> env,
      Map<String, String> inherited) {
    return builder(System.getProperty("java.class.path"), jvmArgs, args, errFile, env, inherited);
  }

  /** As {@link #builder(List, List, Path, Map)} on class path {@code classPath} (another build's jar, say). */
  static ProcessBuilder builder(String classPath, List<String> jvmArgs, List<String> args, Path errFile,
      Map<String, String> env, Map<String, String> inherited) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath);
    command.add(MAIN);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(inherited);
    // The child sees only the configuration the bench gives it, never the caller's own Slack app or stories.
    pb.environment().keySet().removeIf(ChildJvm::storybotSetting);
    pb.environment().putAll(env);
    pb.redirectError(errFile.toFile());
    return pb;
  }

  static boolean storybotSetting(String name) {
    return name.startsWith("SLACK_") || name.startsWith("LOG_") || STORYBOT_SETTINGS.contains(name);
  }

  /** The last lines of a child's standard error, for a message saying why it failed. */
  static String tail(Path errFile) {
    try {
      List<String> lines = Files.readAllLines(errFile);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no stderr: " + e.getMessage() + ")";
    }
  }
}
