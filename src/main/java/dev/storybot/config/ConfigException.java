package dev.storybot.config;

/** A missing or invalid setting; the message names the environment variable and says what to do. */
public final class ConfigException extends IllegalArgumentException {
  public ConfigException(String message) {
    super(message);
  }
}
