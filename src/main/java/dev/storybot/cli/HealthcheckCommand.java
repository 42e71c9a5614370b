package dev.storybot.cli;

import dev.storybot.config.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
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

  @Option(names = "--url", description = "Health URL (default: http://127.0.0.1:$PORT/healthz).")
  URI url;

  @Option(names = "--timeout", defaultValue = "PT3S", description = "How long to wait for the answer (default: ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
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

  /** ISO-8601 durations such as PT3S. */
  static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Duration.parse(value);
    }
  }
}
