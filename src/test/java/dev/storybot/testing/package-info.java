/**
 * Real engines for tests, started by the tests themselves on loopback: a SolrCloud in a child JVM
 * ({@link dev.storybot.testing.SolrCluster}, shared by {@link dev.storybot.testing.SolrClusterExtension}) and a
 * throwaway PostgreSQL ({@link dev.storybot.testing.PostgresServer}). Missing engines skip a test on a developer's
 * machine and fail it in CI ({@link dev.storybot.testing.Prerequisite}).
 */
package dev.storybot.testing;
