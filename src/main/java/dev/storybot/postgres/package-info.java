/**
 * What replicas share, in PostgreSQL (DATABASE_URL): the {@link dev.storybot.postgres.Database} (pool, schema,
 * heartbeat), and behind the slack package's seams the seen ids, rate limits, thread memory, feedback and pending
 * questions; the rebuild lock for Solr. Each store keeps working from this process's memory while the database is
 * unreachable.
 */
package dev.storybot.postgres;
