package dev.storybot.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, {@code v0=} hex HMAC-SHA256 of {@code v0:<timestamp>:<raw body>} keyed with the
 * signing secret, compared in constant time ({@link MessageDigest#isEqual}); the timestamp must lie within
 * {@link #MAX_SKEW} of now, before or after, so a captured request cannot be replayed later.
 */
final class SlackSignatureCheck {

  static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  static final String SIGNATURE_HEADER = "X-Slack-Signature";
  /** Slack's own recommendation: refuse requests more than five minutes from now. */
  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  /** Why a request is refused, or that it is not. */
  enum Verdict {
    VALID("valid"),
    MISSING("missing Slack signature headers"),
    STALE("request timestamp more than five minutes from now"),
    WRONG("signature does not match");

    private final String reason;

    Verdict(String reason) {
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  private final SecretKeySpec key;
  private final Clock clock;

  SlackSignatureCheck(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isEmpty()) throw new IllegalArgumentException("signing secret is empty");
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  Verdict check(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) return Verdict.MISSING;
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verdict.STALE;
    }
    long skew = Math.abs(clock.millis() / 1000 - seconds);
    if (seconds < 0 || skew > MAX_SKEW.toSeconds()) return Verdict.STALE;
    byte[] expected = expected(timestamp.strip(), body);
    // isEqual looks at every byte whatever the first difference, so the time taken tells nothing about the secret.
    return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8)) ? Verdict.VALID
        : Verdict.WRONG;
  }

  /** How far {@code timestamp} is from this machine's clock, in words, for the log of a stale request. */
  String skew(String timestamp) {
    try {
      long seconds = clock.millis() / 1000 - Long.parseLong(timestamp.strip());
      return "its timestamp is " + Math.abs(seconds) + " s " + (seconds >= 0 ? "behind" : "ahead of") + " this clock";
    } catch (NumberFormatException e) {
      return "its timestamp is not a number of seconds";
    }
  }

  private byte[] expected(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return ("v0=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}
