package dev.storybot.solrdev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to start: the number of nodes, the configset folder, an optional collection and where the data goes.
 *
 * @param nodes Solr nodes (Jetty servers) in the cluster, at least 1
 * @param configset the folder holding solrconfig.xml and schema.xml
 * @param collection a collection to create (1 shard, one replica per node), or empty for none
 * @param base the folder for ZooKeeper's and the nodes' data, or empty for a new temporary folder
 * @param watchStdin whether end of standard input stops the cluster (off when started in the background)
 * @param export whether the variables are printed as shell {@code export NAME=value} lines
 */
record Options(int nodes, Path configset, Optional<String> collection, Optional<Path> base, boolean watchStdin,
               boolean export) {

  static final String USAGE = String.join("\n",
      "usage: java -jar solr-dev.jar [--nodes N] [--configset DIR] [--collection NAME] [--base DIR] [--ignore-stdin]"
          + " [--export]",
      "  --nodes N          Solr nodes on 127.0.0.1 (default 2)",
      "  --configset DIR    configset folder with solrconfig.xml (default: the storybot configset in the source tree)",
      "  --collection NAME  also create this collection: 1 shard, one replica per node",
      "  --base DIR         data folder, kept afterwards (default: a temporary folder, deleted at the end)",
      "  --ignore-stdin     keep running when standard input closes (stop with Ctrl-C or SIGTERM)",
      "  --export           print the variables as shell lines: export SOLR_URL=...",
      "Prints SOLR_NODES=, ZK_HOST=, SOLR_COLLECTION= and finally SOLR_URL= when ready. Commands on standard input:",
      "  nodes | stop-node I | start-node I | stop   (I: 0-based position in SOLR_NODES)");

  /** The storybot configset, relative to the project folder (solr-dev's parent). */
  static final Path CONFIGSET_IN_PROJECT =
      Path.of("src", "main", "resources", "solr", "configsets", "storybot", "conf");

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException naming the bad option or value
   */
  static Options parse(String[] args, Path projectDir) {
    int nodes = 2;
    Path configset = projectDir.resolve(CONFIGSET_IN_PROJECT);
    String collection = null;
    Path base = null;
    boolean watchStdin = true;
    boolean export = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--nodes" -> nodes = positive(arg, value(args, ++i, arg));
        case "--configset" -> configset = Path.of(value(args, ++i, arg));
        case "--collection" -> collection = name(value(args, ++i, arg));
        case "--base" -> base = Path.of(value(args, ++i, arg));
        case "--ignore-stdin" -> watchStdin = false;
        case "--export" -> export = true;
        default -> throw new IllegalArgumentException("unknown option: " + arg);
      }
    }
    if (Files.isRegularFile(configset.resolve("conf").resolve("solrconfig.xml"))) configset = configset.resolve("conf");
    if (!Files.isRegularFile(configset.resolve("solrconfig.xml"))) {
      throw new IllegalArgumentException("no solrconfig.xml in the configset folder " + configset.toAbsolutePath()
          + ": pass --configset DIR");
    }
    return new Options(nodes, configset, Optional.ofNullable(collection), Optional.ofNullable(base), watchStdin,
        export);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) return n;
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new IllegalArgumentException(option + " must be a positive whole number, not " + value);
  }

  private static String name(String value) {
    // Solr's own rule for collection names, checked here so a typo fails before the cluster starts.
    if (!value.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("not a valid collection name: " + value);
    }
    return value;
  }
}
