package dev.storybot.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.storybot.config.Config;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Configures Logback from logback.xml after settling LOG_FORMAT and LOG_LEVEL: blank counts as unset and case does
 * not matter, so logback.xml can pick {@code logback/text.xml} or {@code logback/json.xml} by plain substitution.
 * Logback finds this class through META-INF/services.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogFormat extends ContextAwareBase implements Configurator {

  /** The formats logback.xml knows; the first is the default. */
  static final Set<String> FORMATS = Set.of("text", "json");
  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private final Map<String, String> env;

  public LogFormat() {
    this(System.getenv());
  }

  LogFormat(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    context.putProperty(Config.LOG_FORMAT, format(env.get(Config.LOG_FORMAT)));
    context.putProperty(Config.LOG_LEVEL, level(env.get(Config.LOG_LEVEL)));
    URL xml = LogFormat.class.getResource("/logback.xml");
    if (xml == null) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(context);
    try {
      joran.doConfigure(xml);
    } catch (JoranException e) {
      addError("logback.xml is broken", e);  // Logback prints its status when errors are recorded
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** "text" or "json"; anything else is a mistake reported on stderr, and text is used. */
  String format(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) return "text";
    if (FORMATS.contains(v)) return v;
    addWarn(Config.LOG_FORMAT + "=" + value + " is not text or json; logging as text");
    return "text";
  }

  /** A Logback level name; anything else is reported, and INFO used. */
  String level(String value) {
    String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    if (v.isEmpty()) return "INFO";
    if (LEVELS.contains(v)) return v;
    addWarn(Config.LOG_LEVEL + "=" + value + " is not one of " + LEVELS + "; logging at INFO");
    return "INFO";
  }
}
