package dev.storybot.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.storybot.config.Config;
import java.util.Map;

/** The encoder that logback.xml sets up for a LOG_FORMAT, configured in a context of its own, for tests. */
public final class LogFormatProbe {

  private LogFormatProbe() {}

  /** The root appender's encoder when LOG_FORMAT is {@code format}. */
  public static Encoder<ILoggingEvent> encoder(String format) {
    LoggerContext context = new LoggerContext();
    new LogFormat(Map.of(Config.LOG_FORMAT, format)).configure(context);
    Appender<ILoggingEvent> out = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("out");
    return ((OutputStreamAppender<ILoggingEvent>) out).getEncoder();
  }
}
