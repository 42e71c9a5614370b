package dev.storybot.cli;

import java.util.List;

/**
 * Subcommands that live outside the product's code, such as `bench`, found through {@link java.util.ServiceLoader}
 * so that nothing here names them: a build without them is still a whole `storybot`.
 */
public interface Subcommands {

  /** picocli command objects (classes annotated with {@code @Command}) to add under `storybot`. */
  List<Object> commands();
}
