package dev.storybot.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack request bodies from the templates in src/test/resources/slack/: {@code ${NAME}} placeholders are filled
 * JSON-escaped in .json templates and URL-encoded in .form templates. Bodies carry no trailing newline.
 */
public final class Payloads {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

  private Payloads() {}

  /** The template {@code name} with {@code vars} filled in; a placeholder without a value is an error. */
  public static String render(String name, Map<String, String> vars) {
    boolean json = name.endsWith(".json");
    String template = resource(name);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = vars.get(m.group(1));
      if (value == null) throw new IllegalArgumentException(name + " needs a value for ${" + m.group(1) + "}");
      String filled = json ? new String(JsonStringEncoder.getInstance().quoteAsString(value))
          : URLEncoder.encode(value, StandardCharsets.UTF_8);
      m.appendReplacement(out, Matcher.quoteReplacement(filled));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  /** An interactivity request body: {@code payload=} and the URL-encoded JSON of the template. */
  public static String interaction(String name, Map<String, String> vars) {
    return "payload=" + URLEncoder.encode(render(name, vars), StandardCharsets.UTF_8);
  }

  /** The fields of a URL-encoded form body, in order. */
  public static Map<String, String> fields(String form) {
    Map<String, String> out = new LinkedHashMap<>();
    if (form.isEmpty()) return out;
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream("/slack/" + name)) {
      if (in == null) throw new IllegalArgumentException("no template src/test/resources/slack/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
