package dev.storybot.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storybot.testing.Payloads;
import dev.storybot.testing.SlackApiStub;
import dev.storybot.testing.SlackBot;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates bad requests for /slack/events from a seed: the same seed and number give the same request, so a
 * failure can be replayed. Each is one of {@link Kind}, signed well or in one of the bad ways of {@link Signing}.
 */
final class HostileRequests {

  /** What is wrong with the body. */
  enum Kind {
    RANDOM_BYTES, TRUNCATED_JSON, DEEP_JSON, MISSING_FIELDS, WRONG_TYPE, HUGE_TEXT, INVALID_UTF8, OVERSIZED,
    BROKEN_FORM, WRONG_CONTENT_TYPE
  }

  /** How the request is signed. */
  enum Signing { GOOD, NONE, OTHER_SECRET, STALE, FUTURE, GARBLED }

  /**
   * One request to send.
   *
   * @param number its number in the sequence (with the seed, enough to regenerate it)
   * @param contentType the Content-Type header, or null for none
   */
  record Attack(int number, Kind kind, Signing signing, byte[] body, String contentType) {
    /** What the server must answer: 413 when too large, else 401 unless well signed, else 400 for non-UTF-8. */
    int expectedExactly() {
      if (kind == Kind.OVERSIZED) return 413;
      if (signing != Signing.GOOD) return 401;
      if (kind == Kind.INVALID_UTF8) return 400;
      return 0;
    }

    /** Well-signed bodies that are no Slack request at all must get a 4xx, not a 200. */
    boolean mustBeClientError() {
      return expectedExactly() != 0 || kind == Kind.RANDOM_BYTES || kind == Kind.TRUNCATED_JSON
          || kind == Kind.DEEP_JSON;
    }

    @Override
    public String toString() {
      return "#" + number + " " + kind + "/" + signing + " (" + body.length + " bytes, " + contentType + ")";
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] CONTENT_TYPES = {"application/json", "application/x-www-form-urlencoded",
      "text/plain", "application/octet-stream", "multipart/form-data; boundary=x", "application/json; charset=latin1",
      null};
  private static final String[] TEMPLATES = {"event_app_mention.json", "event_message_im.json"};

  private final long seed;

  HostileRequests(long seed) {
    this.seed = seed;
  }

  /** Request number {@code n}; OVERSIZED only every {@code oversizedEvery}-th, HUGE_TEXT a little more often. */
  Attack attack(int n, int oversizedEvery) {
    Random r = new Random(seed * 1_000_003L + n);
    Kind kind = n % oversizedEvery == 0 ? Kind.OVERSIZED
        : n % (oversizedEvery / 2) == 1 ? Kind.HUGE_TEXT
        : pick(r, Kind.values(), Kind.OVERSIZED, Kind.HUGE_TEXT);
    Signing signing = r.nextBoolean() ? Signing.GOOD : Signing.values()[1 + r.nextInt(Signing.values().length - 1)];
    String eventId = "EvHostile" + n;
    return switch (kind) {
      case RANDOM_BYTES -> new Attack(n, kind, signing, randomBytes(r, 16 + r.nextInt(4096)), contentType(r));
      case TRUNCATED_JSON -> {
        // Cut after the question, which carries the request's number: no two requests are the same bytes, since the
        // server answers an exact replay of a signed request with an empty 200 (see ReplayTest).
        byte[] whole = validEvent(r, eventId, "what did the repairs cost? #" + n);
        int from = new String(whole, StandardCharsets.UTF_8).indexOf("#" + n) + 1;
        yield new Attack(n, kind, signing, java.util.Arrays.copyOf(whole, from + r.nextInt(whole.length - 1 - from)),
            "application/json");
      }
      case DEEP_JSON -> new Attack(n, kind, signing, deepJson(r, eventId), "application/json");
      case MISSING_FIELDS -> new Attack(n, kind, signing, withoutFields(r, validEvent(r, eventId, "when was it built?")),
          "application/json");
      case WRONG_TYPE -> new Attack(n, kind, signing, wrongType(r, validEvent(r, eventId, "who opened it?")),
          "application/json");
      case HUGE_TEXT -> new Attack(n, kind, signing,
          validEvent(r, eventId, "what did the repairs cost? " + "bridge cable ".repeat(20_000 + r.nextInt(50_000))),
          "application/json");
      case INVALID_UTF8 -> new Attack(n, kind, signing, invalidUtf8(r, validEvent(r, eventId, "where is the library?")),
          "application/json");
      case OVERSIZED -> new Attack(n, kind, signing,
          randomBytes(r, (int) StorybotServer.MAX_REQUEST_BYTES + 1 + r.nextInt(64 * 1024)), contentType(r));
      case BROKEN_FORM -> new Attack(n, kind, signing, brokenForm(r, n), "application/x-www-form-urlencoded");
      case WRONG_CONTENT_TYPE -> new Attack(n, kind, signing, validEvent(r, eventId, "what did the repairs cost?"),
          pick(r, CONTENT_TYPES, "application/json", null));
    };
  }

  private static byte[] validEvent(Random r, String eventId, String question) {
    String template = TEMPLATES[r.nextInt(TEMPLATES.length)];
    String text = template.contains("mention") ? "<@" + SlackApiStub.BOT_USER_ID + "> " + question : question;
    return Payloads.render(template, Map.of("EVENT_ID", eventId, "TS", "1700009000." + (100_000 + r.nextInt(899_999)),
        "CHANNEL", template.contains("mention") ? SlackBot.CHANNEL : SlackBot.DM, "USER", "U0000HOSTILE", "TEXT", text))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] deepJson(Random r, String eventId) {
    int depth = 1_000 + r.nextInt(30_000);
    boolean objects = r.nextBoolean();
    StringBuilder b = new StringBuilder("{\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"event\":");
    for (int i = 0; i < depth; i++) b.append(objects ? "{\"a\":" : "[");
    if (r.nextBoolean()) {  // closed, so the JSON is valid but absurdly deep; or left open
      b.append("1");
      for (int i = 0; i < depth; i++) b.append(objects ? '}' : ']');
      b.append('}');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withoutFields(Random r, byte[] valid) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(valid);
      int removals = 1 + r.nextInt(4);
      for (int i = 0; i < removals; i++) {
        ObjectNode target = r.nextBoolean() && root.get("event") instanceof ObjectNode e ? e : root;
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) target.remove(names.get(r.nextInt(names.size())));
      }
      return JSON.writeValueAsBytes(root);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] wrongType(Random r, byte[] valid) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(valid);
      ObjectNode target = r.nextBoolean() && root.get("event") instanceof ObjectNode e ? e : root;
      JsonNode value = switch (r.nextInt(6)) {
        case 0 -> JSON.getNodeFactory().textNode("block_actions");
        case 1 -> JSON.getNodeFactory().numberNode(r.nextInt());
        case 2 -> JSON.getNodeFactory().nullNode();
        case 3 -> JSON.createObjectNode().put("type", "app_mention");
        case 4 -> JSON.getNodeFactory().textNode("url_verification");
        default -> JSON.getNodeFactory().textNode(randomWord(r));
      };
      target.set("type", value);
      // Also give some field of the event the wrong JSON type: Slack's ids are strings.
      if (r.nextBoolean() && root.get("event") instanceof ObjectNode e) {
        Iterator<String> names = e.fieldNames();
        if (names.hasNext()) e.set(names.next(), JSON.createArrayNode().add(r.nextInt()));
      }
      return JSON.writeValueAsBytes(root);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] invalidUtf8(Random r, byte[] valid) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = r.nextInt(valid.length);
    out.write(valid, 0, at);
    byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}};
    byte[] b = bad[r.nextInt(bad.length)];
    out.write(b, 0, b.length);
    out.write(valid, at, valid.length - at);
    return out.toByteArray();
  }

  private static byte[] brokenForm(Random r, int n) {
    String payload = switch (r.nextInt(7)) {
      case 0 -> "payload=";
      case 1 -> "payload=%7B%22type%22%3A%22block_actions%22";  // truncated JSON
      case 2 -> "payload=%zz%E2%82";  // broken percent-encoding
      case 3 -> "payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"actions\":[]}", StandardCharsets.UTF_8);
      case 4 -> "payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"user\":null,\"actions\":[{\"action_id\":\"share_answer\"}]}",
          StandardCharsets.UTF_8);
      case 5 -> "command=%2Fstory&text=" + URLEncoder.encode(randomWord(r), StandardCharsets.UTF_8);  // no response_url
      default -> "payload=" + URLEncoder.encode(randomWord(r), StandardCharsets.UTF_8) + "&&&=%";
    };
    return (payload + "&n=" + n).getBytes(StandardCharsets.US_ASCII);
  }

  private static String contentType(Random r) {
    return CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
  }

  private static byte[] randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static String randomWord(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(20);
    for (int i = 0; i < n; i++) b.append((char) (0x21 + r.nextInt(0x5E)));
    return b.toString();
  }

  @SafeVarargs
  private static <T> T pick(Random r, T[] values, T... except) {
    while (true) {
      T v = values[r.nextInt(values.length)];
      if (!java.util.Arrays.asList(except).contains(v)) return v;
    }
  }
}
