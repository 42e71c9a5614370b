package dev.storybot.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Everything logged while it is open, as the log would show it (level, logger, message, stack traces), for tests. */
public final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture() {
    appender.start();
    root.addAppender(appender);
  }

  /** Starts capturing at whatever levels logback.xml lets through. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** One line per event: "LEVEL logger - message", followed by its stack trace, if any. */
  public List<String> lines() {
    synchronized (appender) {  // AppenderBase appends under this lock
      return appender.list.stream().map(LogCapture::line).toList();
    }
  }

  /** All of it as one string. */
  public String text() {
    return lines().stream().collect(Collectors.joining("\n"));
  }

  private static String line(ILoggingEvent e) {
    String line = e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage();
    return e.getThrowableProxy() == null ? line : line + "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
