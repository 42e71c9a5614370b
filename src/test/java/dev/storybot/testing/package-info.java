/**
 * What the tests share. The bot: the fixture stories, the whole bot as a JUnit 5 extension
 * ({@link dev.storybot.testing.SlackBot}), Slack's side (signed requests, payload templates, the Web API stub) and
 * Slack's Socket Mode server, and readers of what comes back (Block Kit, Prometheus scrapes, logs). Real engines,
 * started by the tests themselves on loopback: a SolrCloud in a child JVM ({@link dev.storybot.testing.SolrCluster},
 * shared by {@link dev.storybot.testing.SolrClusterExtension}) and a throwaway PostgreSQL
 * ({@link dev.storybot.testing.PostgresServer}). Missing engines skip a test on a developer's machine and fail it in
 * CI ({@link dev.storybot.testing.Prerequisite}).
 */
package dev.storybot.testing;
