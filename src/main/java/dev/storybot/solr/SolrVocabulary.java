package dev.storybot.solr;

import dev.storybot.index.IndexSchema;
import dev.storybot.search.Spelling;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * The words of one collection's TEXT field as spelling and word weights need them, exactly as the embedded index
 * counts them: document frequencies and the paragraph count from the terms component (raw terms, no analysis), and
 * the terms near an unknown word from the /spell handler (Lucene's fuzzy terms enumeration on the server), narrowed
 * to {@link Spelling#within} here. Fetches in batches and remembers what it fetched. Not thread-safe: one question.
 */
final class SolrVocabulary implements Spelling.Vocabulary {

  private final SolrClient client;
  private final String collection;
  private final Map<String, Long> docFreqs = new HashMap<>();
  private final Map<String, List<Spelling.Candidate>> near = new HashMap<>();
  private long paragraphs = -1;

  SolrVocabulary(SolrClient client, String collection) {
    this.client = client;
    this.collection = collection;
  }

  /** Fetches the document frequencies of the {@code stems} not known yet, and the paragraph count, in one request. */
  void fetch(Collection<String> stems) throws IOException {
    Set<String> missing = new LinkedHashSet<>();
    for (String s : stems) if (!docFreqs.containsKey(s)) missing.add(s);
    if (missing.isEmpty()) return;
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("terms.fl", IndexSchema.TEXT);
    p.set("terms.stats", true);
    p.set("terms.limit", -1);  // else a distributed request keeps 10 of the listed terms
    List<String> escaped = new ArrayList<>();
    // The list is split on commas, and backslashes escape: numbers such as "1,000" are terms too.
    for (String s : missing) escaped.add(s.replace("\\", "\\\\").replace(",", "\\,"));
    p.set("terms.list", String.join(",", escaped));
    QueryResponse r = request("/terms", p);
    for (String s : missing) docFreqs.put(s, 0L);
    TermsResponse terms = r.getTermsResponse();
    if (terms != null && terms.getTerms(IndexSchema.TEXT) != null) {
      for (TermsResponse.Term t : terms.getTerms(IndexSchema.TEXT)) docFreqs.put(t.getTerm(), t.getFrequency());
    }
    Object stats = r.getResponse().get("indexstats");
    if (!(stats instanceof NamedList<?> n) || !(n.get("numDocs") instanceof Number docs)) {
      throw new IOException("Solr's terms component gave no numDocs for " + collection);
    }
    paragraphs = docs.longValue();
  }

  /** Paragraphs in the collection (live documents, as the embedded index's numDocs). */
  long paragraphs() throws IOException {
    if (paragraphs < 0) {
      ModifiableSolrParams p = new ModifiableSolrParams();
      p.set("q", "*:*");
      p.set("rows", 0);
      paragraphs = request("/select", p).getResults().getNumFound();
    }
    return paragraphs;
  }

  @Override
  public long docFreq(String stem) throws IOException {
    if (!docFreqs.containsKey(stem)) fetch(List.of(stem));
    return docFreqs.get(stem);
  }

  /** Fetches the terms near each of {@code words} (those to be corrected) in one request. */
  void fetchNear(Collection<String> words) throws IOException {
    List<String> missing = words.stream().filter(w -> !near.containsKey(w)).distinct().toList();
    if (missing.isEmpty()) return;
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("spellcheck.q", String.join(" ", missing));  // stems hold no spaces; the handler splits on them only
    SpellCheckResponse spelling = request("/spell", p).getSpellCheckResponse();
    Map<String, SpellCheckResponse.Suggestion> byWord = new HashMap<>();
    if (spelling != null) for (SpellCheckResponse.Suggestion s : spelling.getSuggestions()) byWord.put(s.getToken(), s);
    for (String word : missing) {
      List<Spelling.Candidate> candidates = new ArrayList<>();
      SpellCheckResponse.Suggestion s = byWord.get(word);
      if (s != null && s.getAlternativeFrequencies() != null) {
        for (int i = 0; i < s.getAlternatives().size(); i++) {
          candidates.add(new Spelling.Candidate(s.getAlternatives().get(i), s.getAlternativeFrequencies().get(i)));
        }
      }
      near.put(word, candidates);
    }
  }

  @Override
  public List<Spelling.Candidate> near(String word, int maxEdits) throws IOException {
    fetchNear(List.of(word));
    Predicate<String> within = Spelling.within(word, maxEdits);
    List<Spelling.Candidate> out = new ArrayList<>();
    for (Spelling.Candidate c : near.get(word)) if (within.test(c.term())) out.add(c);
    out.sort(Comparator.comparing(c -> new BytesRef(c.term())));  // the index's term order
    return out;
  }

  private QueryResponse request(String path, ModifiableSolrParams params) throws IOException {
    QueryRequest request = new QueryRequest(params, SolrRequest.METHOD.POST);
    request.setPath(path);
    try {
      return request.process(client, collection);
    } catch (SolrServerException e) {
      throw new IOException("Solr did not answer " + path + " for " + collection + ": " + e.getMessage(), e);
    }
  }
}
