package dev.storybot.slack;

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
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
