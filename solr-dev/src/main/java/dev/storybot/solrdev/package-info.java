/**
 * solr-dev: a throwaway SolrCloud (MiniSolrCloudCluster, embedded ZooKeeper) on 127.0.0.1 with storybot's
 * configset, for tests and for trying storybot on Solr. Its own JVM and Maven module, because Solr 9 brings Jetty 10.
 */
package dev.storybot.solrdev;
