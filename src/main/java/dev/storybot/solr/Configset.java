package dev.storybot.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * storybot's Solr configset, as this jar carries it (src/main/resources/solr/configsets/storybot/conf), uploaded
 * under a name of its content's digest, so each generation's collection keeps the configset it was built with and an
 * operator never uploads one by hand.
 */
final class Configset {

  /** Where the configset's files are on the class path. */
  static final String RESOURCES = "/solr/configsets/storybot/conf/";
  /** The configset's files (a jar cannot list a folder). */
  static final List<String> FILES = List.of("solrconfig.xml", "schema.xml", "stopwords_en.txt");

  private final Map<String, byte[]> files;
  private final String name;

  private Configset(Map<String, byte[]> files, String name) {
    this.files = files;
    this.name = name;
  }

  /** The configset of this jar. */
  static Configset bundled() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    MessageDigest sha = sha256();
    for (String file : FILES) {
      try (InputStream in = Configset.class.getResourceAsStream(RESOURCES + file)) {
        if (in == null) throw new IllegalStateException("the jar lacks the Solr configset file " + RESOURCES + file);
        byte[] bytes = in.readAllBytes();
        files.put(file, bytes);
        sha.update(file.getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCES + file + " from the jar", e);
      }
    }
    return new Configset(files, "storybot-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12));
  }

  /** The name it is (or will be) uploaded under. */
  String name() {
    return name;
  }

  /** Uploads the configset unless Solr has it already; returns its name. */
  String ensureUploaded(SolrClient client) throws IOException, SolrServerException {
    List<String> present = new ConfigSetAdminRequest.List().process(client).getConfigSets();
    if (present != null && present.contains(name)) return name;
    ContentStreamBase.ByteArrayStream zip = new ContentStreamBase.ByteArrayStream(zip(), name + ".zip",
        "application/octet-stream");
    new ConfigSetAdminRequest.Upload().setConfigSetName(name).setUploadStream(zip).process(client);
    return name;
  }

  private byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
