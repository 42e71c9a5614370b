package dev.storybot.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.common.util.NamedList;

/**
 * The collections behind one alias: one per generation N, named ALIAS_N_STAMP. Searches read the collection the alias
 * points to; a rebuild fills generation N+1 and then moves the alias, which Solr does atomically. Each collection's
 * {@link Build} is a property of the alias, written before the alias moves to it. The stamp (the creation time in base
 * 36) keeps a name from ever being used twice: a collection created right after another of its name was deleted (a
 * failed build retried) can meet that one's leftovers in ZooKeeper.
 */
final class SolrCollections {

  /** Alias properties holding a collection's {@link Build} are named this, then the collection's name. */
  static final String BUILD_PROPERTY = "storybot.build.";

  /**
   * A collection pinned for one question.
   *
   * @param collection its name
   * @param generation its number, 0 for a collection named like the alias itself (not built by storybot)
   * @param build what it was built from, or null when unknown
   */
  record Pinned(String collection, long generation, Build build) {
    /** The embedding model of its vectors, or null when it holds words alone (or was not built by storybot). */
    String model() {
      return build == null ? null : build.model();
    }
  }

  private final SolrClient client;
  private final String alias;
  private final Pattern generationName;

  SolrCollections(SolrClient client, String alias) {
    this.client = client;
    this.alias = alias;
    this.generationName = Pattern.compile(Pattern.quote(alias) + "_(\\d{1,18})_[0-9a-z]{1,13}");
  }

  String alias() {
    return alias;
  }

  /** The collection the alias points to now; a collection named like the alias if there is no alias; else empty. */
  Optional<Pinned> current() throws IOException, SolrServerException {
    CollectionAdminResponse aliases = new CollectionAdminRequest.ListAliases().process(client);
    List<String> targets = aliases.getAliasesAsLists().get(alias);
    if (targets == null) {
      if (!collections().contains(alias)) return Optional.empty();
      return Optional.of(new Pinned(alias, 0, null));
    }
    if (targets.size() != 1) {
      throw new IllegalStateException("the Solr alias " + alias + " points to " + targets.size() + " collections "
          + targets + "; storybot reads an alias of one collection: point it at one, or rebuild with `storybot index`");
    }
    String collection = targets.get(0);
    Map<String, String> props = aliases.getAliasProperties().getOrDefault(alias, Map.of());
    return Optional.of(new Pinned(collection, generationOf(collection).orElse(0),
        Build.parse(props.get(BUILD_PROPERTY + collection))));
  }

  /** The generation in a collection's name, ALIAS_N_STAMP. */
  OptionalLong generationOf(String collection) {
    Matcher m = generationName.matcher(collection);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** A new collection name for {@code generation}. */
  String name(long generation) {
    return alias + "_" + generation + "_" + Long.toString(System.currentTimeMillis(), 36);
  }

  /** Every collection of this alias's generations, oldest first. */
  List<String> generations() throws IOException, SolrServerException {
    List<String> built = new ArrayList<>();
    for (String c : collections()) if (generationOf(c).isPresent()) built.add(c);
    built.sort(Comparator.comparingLong(c -> generationOf(c).getAsLong()));
    return built;
  }

  List<String> collections() throws IOException, SolrServerException {
    return CollectionAdminRequest.listCollections(client);
  }

  /** Creates {@code collection} from {@code configset}: one shard, a replica on every live node, all active. */
  void create(String collection, String configset) throws IOException, SolrServerException {
    int replicas = Math.max(1, liveNodes());
    CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, configset, 1, replicas);
    create.setWaitForFinalState(true);
    check(create.process(client), "creating " + collection);
  }

  /** Writes {@code build} for {@code collection}, then points the alias at it (creating the alias if need be). */
  void point(String collection, Build build) throws IOException, SolrServerException {
    boolean exists = new CollectionAdminRequest.ListAliases().process(client).getAliases().containsKey(alias);
    if (exists) setBuild(collection, build);
    check(CollectionAdminRequest.createAlias(alias, collection).process(client),
        "pointing " + alias + " at " + collection);
    if (!exists) setBuild(collection, build);
  }

  /** Deletes {@code collection} and forgets its build. */
  void delete(String collection) throws IOException, SolrServerException {
    check(CollectionAdminRequest.deleteCollection(collection).process(client), "deleting " + collection);
    if (new CollectionAdminRequest.ListAliases().process(client).getAliases().containsKey(alias)) {
      // An empty value removes the property.
      CollectionAdminRequest.setAliasProperty(alias).addProperty(BUILD_PROPERTY + collection, "").process(client);
    }
  }

  private void setBuild(String collection, Build build) throws IOException, SolrServerException {
    check(CollectionAdminRequest.setAliasProperty(alias).addProperty(BUILD_PROPERTY + collection, build.toJson())
        .process(client), "recording the build of " + collection);
  }

  /** Documents in each replica of {@code collection}, read from that replica alone: "core@node: count". */
  List<String> replicaCounts(String collection) {
    List<String> counts = new ArrayList<>();
    try {
      Object shards = child(child(child(child(CollectionAdminRequest.getClusterStatus().setCollectionName(collection)
          .process(client).getResponse(), "cluster"), "collections"), collection), "shards");
      for (Object shard : values(shards)) {
        for (Object replica : values(child(shard, "replicas"))) {
          String core = String.valueOf(child(replica, "core"));
          try (SolrClient one = FailoverSolrClient.node(String.valueOf(child(replica, "base_url")))) {
            long n = one.query(core, new SolrQuery("*:*").setRows(0).setParam("distrib", false))
                .getResults().getNumFound();
            counts.add(core + " (" + child(replica, "state") + "): " + n);
          }
        }
      }
    } catch (IOException | SolrServerException | RuntimeException e) {
      counts.add("unknown: " + e);
    }
    return counts;
  }

  // A value of a response's nested maps, which come as NamedList or Map depending on the format.
  private static Object child(Object parent, String key) {
    if (parent instanceof NamedList<?> n) return n.get(key);
    if (parent instanceof Map<?, ?> m) return m.get(key);
    return null;
  }

  private static List<Object> values(Object parent) {
    List<Object> out = new ArrayList<>();
    if (parent instanceof NamedList<?> n) n.forEach((k, v) -> out.add(v));
    if (parent instanceof Map<?, ?> m) out.addAll(m.values());
    return out;
  }

  private int liveNodes() throws IOException, SolrServerException {
    NamedList<Object> cluster = (NamedList<Object>) CollectionAdminRequest.getClusterStatus().process(client)
        .getResponse().get("cluster");
    Object live = cluster == null ? null : cluster.get("live_nodes");
    return live instanceof List<?> nodes ? nodes.size() : 1;
  }

  private static void check(CollectionAdminResponse response, String what) {
    if (!response.isSuccess() && response.getErrorMessages() != null && response.getErrorMessages().size() > 0) {
      throw new IllegalStateException(what + " failed in Solr: " + response.getErrorMessages());
    }
  }
}
