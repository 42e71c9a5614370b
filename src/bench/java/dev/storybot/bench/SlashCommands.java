package dev.storybot.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signed {@code /story} slash-command requests, form-encoded and signed exactly as Slack sends them. */
final class SlashCommands {

  private final String secret;

  SlashCommands(String secret) {
    this.secret = secret;
  }

  /** The form body of {@code /story text} whose answer goes to {@code responseUrl}. */
  static String body(String text, String responseUrl) {
    return "token=bench&team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=general"
        + "&user_id=U0ASKER&user_name=asker&command=%2Fstory&text=" + enc(text) + "&api_app_id=A0BENCH"
        + "&is_enterprise_install=false&response_url=" + enc(responseUrl) + "&trigger_id=1.2.bench";
  }

  /** X-Slack-Signature for {@code body} sent at {@code timestamp} (epoch seconds): v0= hex HMAC-SHA256. */
  String signature(long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is in every JDK", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
