/**
 * SolrCloud as the shelf: {@link dev.storybot.solr.SolrShelf} answers the one question path from a collection alias,
 * with the embedded index's queries translated clause for clause; {@link dev.storybot.solr.SolrRebuilder} builds a
 * new collection per rebuild and moves the alias when it is complete.
 */
package dev.storybot.solr;
