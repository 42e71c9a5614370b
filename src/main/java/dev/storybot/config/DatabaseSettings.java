package dev.storybot.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL database that replicas share (DATABASE_URL, with DATABASE_USER and DATABASE_PASSWORD). The password
 * may also be in the URL ({@code ?password=…}); neither {@link #toString()} nor {@link #redactedUrl()} ever shows it.
 *
 * @param url a JDBC URL, jdbc:postgresql://HOST:PORT/DB with any driver parameters (sslmode=require, …)
 * @param user the user to log in as, or null when the URL names it (or the driver's default applies)
 * @param password the password, or null when the URL carries it or none is needed
 */
public record DatabaseSettings(String url, String user, String password) {

  private static final Pattern SECRET_PARAM = Pattern.compile("(?i)([?&](?:password|sslpassword)=)[^&]*");
  // Any scheme's user:password@: a mistaken postgres://user:password@host is echoed in the error that refuses it.
  private static final Pattern USER_INFO = Pattern.compile("(?i)^([a-z][a-z0-9+.:-]*://)[^/@]*@");

  public DatabaseSettings {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new ConfigException(Config.DATABASE_URL + " must be a PostgreSQL JDBC URL such as"
          + " jdbc:postgresql://db.example.com:5432/storybot, got \"" + (url == null ? "" : redact(url)) + "\"");
    }
    if (url.matches("jdbc:postgresql://[^/]*@.*")) {
      throw new ConfigException(Config.DATABASE_URL + " has user@ before the host, which JDBC does not read: put the"
          + " user in " + Config.DATABASE_USER + " (and the password in " + Config.DATABASE_PASSWORD + "), got \""
          + redact(url) + "\"");
    }
  }

  /** The URL with any password in it replaced by ***, for logs and error messages. */
  public String redactedUrl() {
    return redact(url);
  }

  static String redact(String url) {
    Matcher m = SECRET_PARAM.matcher(USER_INFO.matcher(url).replaceFirst("$1***@"));
    return m.replaceAll("$1***");
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user + ", password="
        + (password == null ? "null" : "(hidden)") + "]";
  }
}
