package dev.storybot.solr;

import dev.storybot.story.Attribution;
import dev.storybot.story.Story;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of stories as they would be indexed (ids, attributions, paragraphs, in order): equal digests mean a rebuild
 * would write the same documents, so a replica can skip a rebuild another replica already made from the same folder.
 */
final class StoryFingerprint {

  private StoryFingerprint() {}

  static String of(List<Story> stories) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    for (Story s : stories) {
      Attribution a = s.attribution();
      field(sha, s.id());
      for (String v : new String[] {a.title(), a.source(), a.byline(), a.published(), a.url()}) field(sha, v);
      for (String p : s.paragraphs()) field(sha, p);
      field(sha, "\u0000end");
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ; null differs from "".
  private static void field(MessageDigest sha, String value) {
    if (value == null) {
      sha.update((byte) 0);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) 1);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }
}
