package dev.storybot.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty PostgreSQL databases for tests, all on one {@link PostgresServer} started by the first request of the
 * test JVM (about a second and a half) and stopped when it exits: a database per test costs a CREATE DATABASE.
 * Skips the calling test (fails it in CI) when PostgreSQL is not installed.
 */
public final class TestDatabases {

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static PostgresServer server;

  private TestDatabases() {}

  /** The server, started now if need be. */
  public static synchronized PostgresServer server() throws IOException, InterruptedException {
    if (server == null) server = PostgresServer.start(Path.of("target"));
    return server;
  }

  /** A JDBC URL (DATABASE_URL) of a new empty database owned by {@link PostgresServer#USER}. */
  public static String fresh() throws IOException, InterruptedException {
    PostgresServer s = server();
    String name = "test_" + COUNT.incrementAndGet();
    try (Connection c = DriverManager.getConnection(s.jdbcUrl()); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name + " OWNER " + PostgresServer.USER);
    } catch (SQLException e) {
      throw new IOException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return "jdbc:postgresql://127.0.0.1:" + s.port() + "/" + name + "?user=" + PostgresServer.USER;
  }
}
