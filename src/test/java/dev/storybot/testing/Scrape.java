package dev.storybot.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A /metrics body in Prometheus' text format, parsed into samples for assertions. */
public final class Scrape {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One sample line: metric name, labels and value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples = new ArrayList<>();
  private final String text;

  /** Parses {@code text}, failing on a line that is neither a comment nor a sample. */
  public Scrape(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      Matcher m = SAMPLE.matcher(line.strip());
      if (!m.matches()) throw new AssertionError("not a Prometheus sample line: " + line);
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) labels.put(l.group(1), l.group(2));
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
    }
  }

  /** Every sample, in the order scraped. */
  public List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** The samples of {@code name} whose labels include {@code labels} (name, value pairs). */
  public List<Sample> samples(String name, String... labels) {
    return samples.stream().filter(s -> s.name().equals(name) && has(s, labels)).toList();
  }

  /** The sum over {@link #samples}; 0 when there are none. */
  public double sum(String name, String... labels) {
    return samples(name, labels).stream().mapToDouble(Sample::value).sum();
  }

  /** True when some sample is called {@code name}. */
  public boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }

  /** The raw text. */
  public String text() {
    return text;
  }

  private static boolean has(Sample s, String... labels) {
    for (int i = 0; i < labels.length; i += 2) {
      if (!labels[i + 1].equals(s.labels().get(labels[i]))) return false;
    }
    return true;
  }
}
