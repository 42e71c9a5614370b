package dev.storybot.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test requests exactly as Slack does: {@code v0=} hex HMAC-SHA256 of {@code v0:{timestamp}:{body}}. */
public final class SlackSigner {

  private final String secret;

  public SlackSigner(String secret) {
    this.secret = secret;
  }

  /** The X-Slack-Signature value for {@code body} sent at {@code timestamp} (epoch seconds). */
  public String sign(long timestamp, String body) {
    return sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The X-Slack-Signature value for raw {@code body} bytes (which need not be UTF-8). */
  public String sign(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      byte[] digest = mac.doFinal(body);
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
