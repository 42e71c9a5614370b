package dev.storybot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storybot.server.SlackSignatureCheck.Verdict;
import dev.storybot.testing.SlackSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The signature check on its own, with a fixed clock: what passes, and why the rest does not. */
class SlackSignatureCheckTest {

  private static final long NOW = 1_700_000_000L;
  private static final String SECRET = "unit-secret";
  private final SlackSignatureCheck check =
      new SlackSignatureCheck(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  private final byte[] body = "{\"type\":\"event_callback\",\"text\":\"caf\u00e9 \u2615\"}".getBytes(StandardCharsets.UTF_8);

  private Verdict at(long ts, String secret) {
    return check.check(Long.toString(ts), new SlackSigner(secret).sign(ts, body), body);
  }

  @Test
  void aFreshSignatureOverTheRawBytesIsValid() {
    assertEquals(Verdict.VALID, at(NOW, SECRET));
    assertEquals(Verdict.VALID, at(NOW - 300, SECRET), "five minutes old is still in time");
    assertEquals(Verdict.VALID, at(NOW + 300, SECRET), "and so is a clock five minutes ahead");
  }

  @Test
  void oldAndFutureTimestampsAreRefusedEvenWhenSignedWell() {
    assertEquals(Verdict.STALE, at(NOW - 301, SECRET));
    assertEquals(Verdict.STALE, at(NOW + 301, SECRET), "Bolt's own check would let this one through");
    assertEquals(Verdict.STALE, check.check("12abc", new SlackSigner(SECRET).sign(NOW, body), body));
    assertEquals(Verdict.STALE, check.check("-1", "v0=00", body));
  }

  @Test
  void aWrongOrMangledSignatureIsRefused() {
    assertEquals(Verdict.WRONG, at(NOW, "another-secret"));
    String good = new SlackSigner(SECRET).sign(NOW, body);
    assertEquals(Verdict.WRONG, check.check(Long.toString(NOW), good.substring(0, good.length() - 1), body));
    assertEquals(Verdict.WRONG, check.check(Long.toString(NOW), good + "0", body));
    assertEquals(Verdict.WRONG, check.check(Long.toString(NOW), good.toUpperCase(), body));
    assertEquals(Verdict.WRONG, check.check(Long.toString(NOW), "", body));
    byte[] tampered = body.clone();
    tampered[tampered.length - 2] ^= 1;
    assertEquals(Verdict.WRONG, check.check(Long.toString(NOW), good, tampered));
  }

  @Test
  void missingHeadersAreRefused() {
    assertEquals(Verdict.MISSING, check.check(null, "v0=00", body));
    assertEquals(Verdict.MISSING, check.check(Long.toString(NOW), null, body));
  }

  @Test
  void anEmptySecretIsRefusedAtConstruction() {
    assertThrows(IllegalArgumentException.class, () -> new SlackSignatureCheck("", Clock.systemUTC()));
  }
}
