package dev.storybot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The throwaway PostgreSQL that shared-state tests will use: it starts, answers SQL through the pool, and stops. */
@ExtendWith(PostgresInstalled.class)
class PostgresServerTest {

  static PostgresServer server;

  @BeforeAll
  static void start() throws Exception {
    server = PostgresServer.start(Path.of(System.getProperty("basedir", ""), "target", "postgres"));
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  @Test
  void answersQueriesThroughTheJdbcUrlAndAPool() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config);
         Connection c = pool.getConnection();
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE seen (event_id text PRIMARY KEY)");
      assertEquals(1, s.executeUpdate("INSERT INTO seen VALUES ('Ev1') ON CONFLICT DO NOTHING"));
      assertEquals(0, s.executeUpdate("INSERT INTO seen VALUES ('Ev1') ON CONFLICT DO NOTHING"));
      try (ResultSet r = s.executeQuery("SELECT current_database(), current_user,"
          + " current_setting('server_version_num')::int, current_setting('fsync'), count(*) FROM seen")) {
        assertTrue(r.next());
        assertEquals(PostgresServer.DATABASE, r.getString(1));
        assertEquals(PostgresServer.USER, r.getString(2));
        assertTrue(r.getInt(3) >= 150000, "PostgreSQL 15 or newer, got " + r.getInt(3));
        assertEquals("off", r.getString(4));
        assertEquals(1, r.getLong(5));
      }
    }
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SHOW listen_addresses")) {
      assertTrue(r.next());
      assertEquals("127.0.0.1", r.getString(1));
    }
  }

  @Test
  void aStoppedServerRefusesConnectionsAndLeavesNoFolder() throws Exception {
    PostgresServer other = PostgresServer.start(Path.of(System.getProperty("basedir", ""), "target", "postgres"));
    String url = other.jdbcUrl();
    try (Connection c = DriverManager.getConnection(url)) {
      assertTrue(c.isValid(5));
    }
    other.close();
    assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
    try (Socket socket = new Socket()) {
      assertThrows(IOException.class,
          () -> socket.connect(new InetSocketAddress("127.0.0.1", other.port()), 2000));
    }
    assertFalse(Files.exists(other.dataDir()), "data folder deleted: " + other.dataDir());
  }
}
