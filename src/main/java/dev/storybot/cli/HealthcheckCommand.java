package dev.storybot.cli;

import dev.storybot.config.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `storybot healthcheck`: asks a running `serve` for /healthz and exits 0 when it answers 200, else 1. For Docker's
 * HEALTHCHECK, where the JRE image has no curl: the JVM is already there, and PORT means what it means to serve.
 */
@Command(name = "healthcheck", mixinStandardHelpOptions = true,
    description = "Exits 0 when the storybot serving on PORT (or --url) reports healthy at /healthz, 1 otherwise.")
final class HealthcheckCommand implements Callable<Integer> {

  /** Unhealthy, as Docker's HEALTHCHECK expects. */
  static final int UNHEALTHY = 1;

  @Spec
  CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL", description = {"Health URL; by default:", "http://127.0.0.1:$PORT/healthz"})
  URI url;

  @Option(names = "--timeout", defaultValue = "3s", paramLabel = "TIME", converter = DurationConverter.class,
      description = "How long to wait for the answer: 500ms, 3s, 1m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  private final Map<String, String> env;

  HealthcheckCommand() {
    this(System.getenv());
  }

  HealthcheckCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    URI target = url != null ? url : URI.create("http://127.0.0.1:" + port() + "/healthz");
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      spec.commandLine().getOut().println(r.statusCode() + " " + r.body());
      return r.statusCode() == 200 ? ExitCodes.OK : UNHEALTHY;
    } catch (IOException e) {
      spec.commandLine().getErr().println("storybot: no answer from " + target + " (" + e + ")");
      return UNHEALTHY;
    }
  }

  private String port() {
    String p = env.get(Config.PORT);
    return p == null || p.isBlank() ? Integer.toString(Config.DEFAULT_PORT) : p.strip();
  }

  /** A time such as 500ms, 3s or 1m (or ISO-8601, PT3S); anything else is a usage error saying what to write. */
  static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      Matcher m = SHORT.matcher(v);
      Duration d;
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d = switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          default -> Duration.ofMinutes(n);
        };
      } else {
        try {
          d = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
          throw new picocli.CommandLine.TypeConversionException("write a time such as 500ms, 3s or 1m, not \"" + value + "\"");
        }
      }
      if (d.isNegative() || d.isZero()) {
        throw new picocli.CommandLine.TypeConversionException("the time must be more than zero, not \"" + value + "\"");
      }
      return d;
    }
  }
}
