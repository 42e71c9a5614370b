/**
 * Benchmarks (`storybot bench`): a deterministic corpus generator and the measurements of indexing, answering,
 * cold start, HTTP and memory. It lives in {@code src/bench/java}, compiled after the product into the same jar, so
 * the build itself keeps the bot's own code from depending on it; `storybot` finds it through
 * {@link dev.storybot.cli.Subcommands}.
 */
package dev.storybot.bench;
