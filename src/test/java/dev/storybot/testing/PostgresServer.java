package dev.storybot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server on 127.0.0.1 for tests: a fresh cluster (initdb) in its own folder, fsync off, a
 * database {@code storybot} owned by the user {@code storybot}, trust authentication. Closing stops the server and
 * deletes the folder; a JVM that exits without closing it stops it from a shutdown hook.
 *
 * <p>{@code initdb} refuses to run as root, so as root every server command runs as the {@code postgres} system
 * user (through {@code runuser}), which the Debian package creates, and the folders are handed to that user.
 */
public final class PostgresServer implements AutoCloseable {

  /** The database and the user the JDBC URL names. */
  public static final String DATABASE = "storybot";
  public static final String USER = "storybot";

  static final String NOT_INSTALLED =
      "no PostgreSQL server binaries (initdb, pg_ctl) in PG_BIN or /usr/lib/postgresql/N/bin";
  static final String HOW_TO_INSTALL = "install Debian's postgresql package: apt-get install -y postgresql";

  private static final String OS_USER = "postgres";
  private static final int TRIES = 3;

  private final Path bin;
  private final Path dataDir;
  private final Path socketDir;
  private final int port;
  private final boolean asPostgres;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Thread stopAtExit;

  private PostgresServer(Path bin, Path dataDir, Path socketDir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.socketDir = socketDir;
    this.port = port;
    this.asPostgres = asPostgres;
    this.stopAtExit = new Thread(this::stopQuietly, "postgres-stop");
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  /**
   * The server binaries: PG_BIN if set, else the newest /usr/lib/postgresql/N/bin with initdb and pg_ctl (Debian's
   * layout), else empty.
   */
  public static Optional<Path> binaries() {
    String env = System.getenv("PG_BIN");
    if (env != null && !env.isBlank()) return Optional.of(Path.of(env)).filter(PostgresServer::hasServer);
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(v -> v.resolve("bin")).filter(PostgresServer::hasServer)
          .max(Comparator.comparingInt(PostgresServer::majorVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Starts a new server with its data in a new folder under {@code parent} (a build folder such as target/).
   * Skips the calling test (fails it in CI) when PostgreSQL is not installed.
   */
  public static PostgresServer start(Path parent) throws IOException, InterruptedException {
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      Prerequisite.missing(NOT_INSTALLED, HOW_TO_INSTALL);
    }
    boolean asPostgres = runningAsRoot();
    Path dataDir = Files.createTempDirectory(Files.createDirectories(parent), "pg-data");
    Path socketDir = Files.createTempDirectory("pg-sock");  // short: a socket path must fit in 107 bytes
    if (asPostgres) {
      Processes.run(List.of("chown", OS_USER + ":", dataDir.toString(), socketDir.toString()), 30);
      if (!postgresCanWrite(dataDir)) {
        // A checkout under a private home folder is out of the postgres user's reach: use the temporary folder.
        deleteTree(dataDir);
        dataDir = Files.createTempDirectory("pg-data");
        Processes.run(List.of("chown", OS_USER + ":", dataDir.toString()), 30);
      }
    }
    try {
      initdb(bin.get(), dataDir, asPostgres);
    } catch (IOException | RuntimeException e) {
      deleteTree(dataDir);
      deleteTree(socketDir);
      throw e;
    }
    IOException last = null;
    for (int i = 0; i < TRIES; i++) {
      int port = freePort();
      PostgresServer server = new PostgresServer(bin.get(), dataDir, socketDir, port, asPostgres);
      try {
        server.pgCtl("-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
            "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off", "start");
        server.createDatabase();
        return server;
      } catch (IOException e) {
        // Most likely another process took the port between freePort() and the server's bind: try another.
        last = new IOException(e.getMessage() + "\nserver log:\n" + server.log(), e);
        server.abandon();
      }
    }
    deleteTree(dataDir);
    deleteTree(socketDir);
    throw last;
  }

  /** jdbc:postgresql://127.0.0.1:PORT/storybot?user=storybot (trust authentication: no password). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
  }

  public int port() {
    return port;
  }

  /** The cluster's folder (deleted on close). */
  Path dataDir() {
    return dataDir;
  }

  /** Stops the server (fast shutdown: open sessions are ended) and deletes its folders. */
  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or has run
    }
  }

  /** Forgets a server that did not start, keeping its initialised folder for the next try. */
  private void abandon() throws InterruptedException {
    stopped.set(true);
    try {
      if (Files.exists(dataDir.resolve("postmaster.pid"))) pgCtl("-m", "immediate", "-w", "stop");
    } catch (IOException e) {
      // not running: nothing to stop
    }
    Runtime.getRuntime().removeShutdownHook(stopAtExit);
  }

  private String log() {
    try {
      return Files.readString(dataDir.resolve("server.log"));
    } catch (IOException e) {
      return "(none: " + e.getMessage() + ")";
    }
  }

  private void stopQuietly() {
    if (!stopped.compareAndSet(false, true)) return;
    try {
      if (Files.exists(dataDir.resolve("postmaster.pid"))) pgCtl("-m", "fast", "-w", "-t", "60", "stop");
    } catch (IOException e) {
      System.err.println("PostgresServer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      deleteTree(dataDir);
      deleteTree(socketDir);
    }
  }

  private static void initdb(Path bin, Path dataDir, boolean asPostgres) throws IOException, InterruptedException {
    // --no-sync: nothing here must survive a power cut; C locale and UTF-8 whatever the machine's locale is.
    Processes.run(command(asPostgres, bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-A", "trust",
        "-U", USER, "-E", "UTF8", "--no-locale", "--no-sync"), 120);
  }

  private void pgCtl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString()));
    cmd.addAll(List.of(args));
    Processes.run(command(asPostgres, cmd.toArray(String[]::new)), 90);
  }

  private void createDatabase() throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
    } catch (SQLException e) {
      throw new IOException("cannot create database " + DATABASE + " on port " + port + ": " + e.getMessage(), e);
    }
  }

  private static List<String> command(boolean asPostgres, String... cmd) {
    List<String> all = new ArrayList<>();
    if (asPostgres) all.addAll(List.of(runuser(), "-u", OS_USER, "--"));
    all.addAll(List.of(cmd));
    return all;
  }

  private static boolean postgresCanWrite(Path dir) throws InterruptedException {
    try {
      Processes.run(command(true, "test", "-w", dir.toAbsolutePath().toString()), 30);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean runningAsRoot() {
    try {
      // /proc/self belongs to the process's effective user.
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static String runuser() {
    for (String p : List.of("/usr/sbin/runuser", "/sbin/runuser")) if (Files.isExecutable(Path.of(p))) return p;
    return "runuser";
  }

  private static boolean hasServer(Path bin) {
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
