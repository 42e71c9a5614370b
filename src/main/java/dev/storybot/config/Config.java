package dev.storybot.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * storybot's settings, read once from environment variables at start and passed into constructors. Settings, not
 * requirements: what a command needs it checks itself ({@link #requireForServe}). {@link #toString()} never shows
 * the secrets.
 *
 * @param signingSecret verifies that requests come from Slack (SLACK_SIGNING_SECRET), or null
 * @param botToken the bot's xoxb- token for Slack's Web API (SLACK_BOT_TOKEN), or null
 * @param port the HTTP port to listen on, 0 for any free port (PORT)
 * @param storiesDir folder of story files to index at start, or null (STORIES_DIR)
 * @param indexDir folder of a built index to open, or null (INDEX_DIR); with {@code solr}, only where the stories'
 *     vectors are kept between rebuilds of the alias (INDEX_DIR/vectors)
 * @param slackApiUrl Web API base ending in "/", e.g. https://slack.com/api/ (SLACK_API_URL); null means Slack's
 * @param appToken the app-level xapp- token for Socket Mode, or null (SLACK_APP_TOKEN)
 * @param feedbackDir folder of the 👍/👎 feedback log (FEEDBACK_DIR); null means the default
 * @param channelsConfig YAML file of per-channel settings, or null for the defaults everywhere (CHANNELS_CONFIG)
 * @param rateLimits questions per user and for everyone before "slow down" (RATE_LIMIT_PER_USER_PER_MINUTE,
 *     RATE_LIMIT_GLOBAL_PER_SECOND); null means the defaults
 * @param solr the SolrCloud to answer from instead of an embedded index (SOLR_URL, SOLR_COLLECTION), or null
 * @param database the PostgreSQL that replicas share state in (DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD), or
 *     null to keep it in this process's memory
 * @param semantic answer by meaning as well as words, with an in-process embedding model (SEMANTIC, on by default)
 */
public record Config(String signingSecret, String botToken, int port, Path storiesDir, Path indexDir,
                     String slackApiUrl, String appToken, Path feedbackDir, Path channelsConfig,
                     RateLimits rateLimits, SolrSettings solr, DatabaseSettings database, boolean semantic) {

  /** Environment variable: Slack app's signing secret (required). */
  public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  /** Environment variable: the bot user OAuth token, xoxb-… (required). */
  public static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
  /** Environment variable: HTTP port (default {@value #DEFAULT_PORT}). */
  public static final String PORT = "PORT";
  /** Environment variable: folder of story files to index at start. */
  public static final String STORIES_DIR = "STORIES_DIR";
  /** Environment variable: folder of an index built by `storybot index`. */
  public static final String INDEX_DIR = "INDEX_DIR";
  /** Environment variable: Slack Web API base URL (default {@value #DEFAULT_SLACK_API_URL}). */
  public static final String SLACK_API_URL = "SLACK_API_URL";
  /** Environment variable: the app-level token, xapp-… (required with --socket-mode). */
  public static final String SLACK_APP_TOKEN = "SLACK_APP_TOKEN";

  /** Environment variable: questions one user may ask a minute (default {@value RateLimits#DEFAULT_PER_USER_PER_MINUTE}). */
  public static final String RATE_LIMIT_PER_USER_PER_MINUTE = "RATE_LIMIT_PER_USER_PER_MINUTE";
  /** Environment variable: questions everyone may ask a second (default {@value RateLimits#DEFAULT_GLOBAL_PER_SECOND}). */
  public static final String RATE_LIMIT_GLOBAL_PER_SECOND = "RATE_LIMIT_GLOBAL_PER_SECOND";

  /** Environment variable: base URL of a SolrCloud node (comma-separated for several) to answer from. */
  public static final String SOLR_URL = "SOLR_URL";
  /** Environment variable: the Solr alias of the stories (default {@value SolrSettings#DEFAULT_COLLECTION}). */
  public static final String SOLR_COLLECTION = "SOLR_COLLECTION";

  /** Environment variable: JDBC URL of the PostgreSQL that replicas share state in; unset keeps it in memory. */
  public static final String DATABASE_URL = "DATABASE_URL";
  /** Environment variable: the database user, unless DATABASE_URL names it. */
  public static final String DATABASE_USER = "DATABASE_USER";
  /** Environment variable: the database user's password, unless DATABASE_URL carries it. */
  public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";

  /** Environment variable read by logging (cli.LogFormat): text (default) or json. */
  public static final String LOG_FORMAT = "LOG_FORMAT";
  /** Environment variable read by logging: TRACE, DEBUG, INFO (default), WARN, ERROR or OFF. */
  public static final String LOG_LEVEL = "LOG_LEVEL";

  private static final String SIGNING_SECRET_HOW = "copy it from your Slack app's \"Basic Information\" page";
  private static final String APP_TOKEN_HOW = "generate one under \"Basic Information\" → \"App-Level Tokens\""
      + " with the connections:write scope";

  /** Environment variable: on (default) to answer by meaning as well as words, off for words alone. */
  public static final String SEMANTIC = "SEMANTIC";

  /** Environment variable: folder where 👍/👎 clicks are logged (default {@value #DEFAULT_FEEDBACK_DIR}). */
  public static final String FEEDBACK_DIR = "FEEDBACK_DIR";
  /** Environment variable: YAML file of per-channel settings. */
  public static final String CHANNELS_CONFIG = "CHANNELS_CONFIG";
  /** Feedback folder used when FEEDBACK_DIR is not set, relative to the working directory. */
  public static final String DEFAULT_FEEDBACK_DIR = "feedback";

  /** Port used when PORT is not set. */
  public static final int DEFAULT_PORT = 3000;
  /** Slack's own Web API. */
  public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";

  public Config {
    if (port < 0 || port > 65_535) throw new ConfigException(PORT + " must be a port number from 0 to 65535, got " + port);
    slackApiUrl = slackApiUrl == null ? DEFAULT_SLACK_API_URL : slackApiUrl;
    feedbackDir = feedbackDir == null ? Path.of(DEFAULT_FEEDBACK_DIR) : feedbackDir;
    if (rateLimits == null) rateLimits = RateLimits.DEFAULT;
  }

  /**
   * Checks what `serve` needs, naming every missing setting at once: the bot token always; over HTTP the signing
   * secret (every request is verified with it); in Socket Mode the app token (the connection is opened with it).
   */
  public Config requireForServe(boolean socketMode) {
    List<String> missing = missingForServe(socketMode);
    if (!missing.isEmpty()) throw new ConfigException(missing);
    return this;
  }

  /** What {@link #requireForServe} finds missing, one sentence each saying where to get it; empty when nothing is. */
  public List<String> missingForServe(boolean socketMode) {
    List<String> missing = new ArrayList<>();
    if (botToken == null) {
      missing.add(SLACK_BOT_TOKEN + " is not set: copy the \"Bot User OAuth Token\" (xoxb-…) from your Slack app's"
          + " \"OAuth & Permissions\" page and export " + SLACK_BOT_TOKEN + "=…");
    }
    if (socketMode && appToken == null) {
      missing.add(SLACK_APP_TOKEN + " is not set: --socket-mode connects with an app-level token: " + APP_TOKEN_HOW
          + " and export " + SLACK_APP_TOKEN + "=…");
    }
    if (!socketMode && signingSecret == null) {
      missing.add(SLACK_SIGNING_SECRET + " is not set: " + SIGNING_SECRET_HOW + " and export " + SLACK_SIGNING_SECRET
          + "=… (or run with --socket-mode)");
    }
    return missing;
  }

  /**
   * Reads the settings from {@code env} (normally {@link System#getenv()}); blank values count as unset. Every value
   * that is malformed is named in one {@link ConfigException}; missing ones are for each command to require.
   */
  public static Config fromEnv(Map<String, String> env) {
    Parsed parsed = parse(env);
    if (!parsed.problems().isEmpty()) throw new ConfigException(parsed.problems());
    return parsed.config();
  }

  /**
   * Settings read from the environment, and what was wrong with them.
   *
   * @param config the settings, with the default in place of each malformed value
   * @param problems each malformed value, named with what to write instead; empty when none is
   */
  public record Parsed(Config config, List<String> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  /**
   * As {@link #fromEnv}, but returns the problems beside the settings instead of throwing, so that a command can name
   * them together with what else it finds wrong.
   */
  public static Parsed parse(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String appToken = value(env, SLACK_APP_TOKEN);
    if (appToken != null && !appToken.startsWith("xapp-")) {
      problems.add(SLACK_APP_TOKEN + " must be an app-level token starting with xapp-: " + APP_TOKEN_HOW);
    }
    Integer port = parse(problems, () -> port(value(env, PORT)));
    String apiUrl = parse(problems, () -> value(env, SLACK_API_URL) == null ? null : checkApiUrl(value(env, SLACK_API_URL)));
    Integer perUser = parse(problems, () -> positive(env, RATE_LIMIT_PER_USER_PER_MINUTE, RateLimits.DEFAULT_PER_USER_PER_MINUTE));
    Integer global = parse(problems, () -> positive(env, RATE_LIMIT_GLOBAL_PER_SECOND, RateLimits.DEFAULT_GLOBAL_PER_SECOND));
    SolrSettings solr = parse(problems, () -> solr(env));
    DatabaseSettings database = parse(problems, () -> database(env));
    Boolean semantic = parse(problems, () -> onOff(SEMANTIC, value(env, SEMANTIC)));
    Config config = new Config(value(env, SLACK_SIGNING_SECRET), value(env, SLACK_BOT_TOKEN),
        port == null ? DEFAULT_PORT : port, folder(env, STORIES_DIR), folder(env, INDEX_DIR), apiUrl, appToken,
        folder(env, FEEDBACK_DIR), folder(env, CHANNELS_CONFIG), new RateLimits(
            perUser == null ? RateLimits.DEFAULT_PER_USER_PER_MINUTE : perUser,
            global == null ? RateLimits.DEFAULT_GLOBAL_PER_SECOND : global), solr, database, semantic == null || semantic);
    return new Parsed(config, problems);
  }

  /** DATABASE_URL with its user and password, or null when unset; a user or password without the URL is a mistake. */
  public static DatabaseSettings database(Map<String, String> env) {
    String url = value(env, DATABASE_URL);
    if (url == null) {
      for (String name : List.of(DATABASE_USER, DATABASE_PASSWORD)) {
        if (value(env, name) != null) {
          throw new ConfigException(name + " is set but " + DATABASE_URL + " is not: export " + DATABASE_URL
              + "=jdbc:postgresql://HOST:5432/DB to share state between replicas, or unset " + name);
        }
      }
      return null;
    }
    // A password is taken as it is: blanks may be part of it.
    String password = env.get(DATABASE_PASSWORD);
    return new DatabaseSettings(url, value(env, DATABASE_USER), password == null || password.isEmpty() ? null : password);
  }

  private static SolrSettings solr(Map<String, String> env) {
    String url = value(env, SOLR_URL);
    String collection = value(env, SOLR_COLLECTION);
    if (url == null) {
      if (collection == null) return null;
      throw new ConfigException(SOLR_COLLECTION + " is set but " + SOLR_URL + " is not: export " + SOLR_URL
          + "=http://HOST:8983/solr to answer from Solr, or unset " + SOLR_COLLECTION);
    }
    return SolrSettings.parse(url, collection);
  }

  // Runs one check, keeping its complaint with the others instead of stopping at the first.
  private static <T> T parse(List<String> problems, java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (ConfigException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** Where the stories come from. */
  public enum Shelf {
    /** The stories bundled in the jar, indexed in memory. */
    BUNDLED,
    /** A prebuilt index in {@link #indexDir()}. */
    INDEX_DIR,
    /** Story files in {@link #storiesDir()}, indexed at start. */
    STORIES_DIR,
    /** A SolrCloud collection behind the alias {@link #solr()} names (rebuilt from {@link #storiesDir()} if set). */
    SOLR
  }

  /** SOLR_URL first, then INDEX_DIR, then STORIES_DIR; none means the bundled stories. */
  public Shelf shelf() {
    if (solr != null) return Shelf.SOLR;
    if (indexDir != null) return Shelf.INDEX_DIR;
    if (storiesDir != null) return Shelf.STORIES_DIR;
    return Shelf.BUNDLED;
  }

  @Override
  public String toString() {
    return "Config[signingSecret=" + redact(signingSecret) + ", botToken=" + redact(botToken) + ", port=" + port
        + ", storiesDir=" + storiesDir + ", indexDir=" + indexDir + ", slackApiUrl=" + slackApiUrl
        + ", appToken=" + redact(appToken) + ", feedbackDir=" + feedbackDir + ", channelsConfig=" + channelsConfig
        + ", rateLimits=" + rateLimits + ", solr=" + solr + ", database=" + database + ", semantic=" + semantic + "]";
  }

  private static String redact(String secret) {
    return secret == null ? "null" : "(hidden)";
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static int port(String value) {
    if (value == null) return DEFAULT_PORT;
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) return port;
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new ConfigException(PORT + " must be a port number from 0 to 65535, got \"" + value + "\"");
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    String v = value(env, name);
    if (v == null) return fallback;
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) return n;
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new ConfigException(name + " must be a whole number of at least 1, got \"" + v + "\"");
  }

  /** "on" or "off" (any case; unset means on), else a {@link ConfigException} naming {@code name}. */
  public static boolean onOff(String name, String value) {
    if (value == null || value.equalsIgnoreCase("on")) return true;
    if (value.equalsIgnoreCase("off")) return false;
    throw new ConfigException(name + " must be on or off, got \"" + value + "\"");
  }

  private static Path folder(Map<String, String> env, String name) {
    String v = value(env, name);
    return v == null ? null : Path.of(v);
  }

  private static String checkApiUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SLACK_API_URL + " is not a URL: \"" + url + "\"");
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new ConfigException(SLACK_API_URL + " must be an http(s) URL such as " + DEFAULT_SLACK_API_URL
          + ", got \"" + url + "\"");
    }
    // The SDK appends the method name ("chat.postMessage") straight to this prefix.
    return url.endsWith("/") ? url : url + "/";
  }
}
