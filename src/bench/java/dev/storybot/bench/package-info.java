/**
 * Benchmarks (`storybot bench`): a deterministic corpus generator and the measurements of indexing, answering,
 * cold start, HTTP and memory. Nothing in the bot's own path depends on this package.
 */
package dev.storybot.bench;
