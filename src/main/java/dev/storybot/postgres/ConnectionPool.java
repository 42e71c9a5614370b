package dev.storybot.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storybot.config.DatabaseSettings;

/** The connections of one replica: few, and quick to give up, as questions are acknowledged within Slack's 3 s. */
final class ConnectionPool {

  private ConnectionPool() {}

  /** A pool for {@code settings}; it connects lazily, so an unreachable database is reported by its first use. */
  static HikariDataSource of(DatabaseSettings settings) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(settings.url());
    if (settings.user() != null) c.setUsername(settings.user());
    if (settings.password() != null) c.setPassword(settings.password());
    c.setPoolName("storybot-db");
    c.setMaximumPoolSize(10);
    c.setMinimumIdle(2);
    c.setConnectionTimeout(1_000);  // the ack path waits on it: fall back to memory rather than keep Slack waiting
    c.setValidationTimeout(500);
    c.setInitializationFailTimeout(-1);  // Flyway's first connection reports an unreachable database, with the cause
    c.addDataSourceProperty("connectTimeout", "2");
    c.addDataSourceProperty("socketTimeout", "5");
    c.addDataSourceProperty("ApplicationName", "storybot");
    c.setConnectionInitSql("SET statement_timeout = 3000");
    return new HikariDataSource(c);
  }
}
